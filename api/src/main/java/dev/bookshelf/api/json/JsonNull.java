package dev.bookshelf.api.json;

/** JSON {@code null} in a {@link JsonObject}: present, but without a value. */
public enum JsonNull {
    INSTANCE;

    @Override
    public String toString() {
        return "null";
    }
}
