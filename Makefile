# Used by `sam build` (deploy/template.yaml, BuildMethod: makefile): builds the Lambda artifact with
# Maven and puts it where the Java runtime looks for libraries.
.PHONY: build-BookshelfFunction

build-BookshelfFunction:
	mvn -B -q -ntp -DskipTests -pl adapter-lambda -am package
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp adapter-lambda/target/bookshelf-lambda.jar "$(ARTIFACTS_DIR)/lib/"
