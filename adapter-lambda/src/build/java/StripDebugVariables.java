import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the Lambda upload, run after shading (see pom.xml):
 * {@code java -cp <asm> StripDebugVariables.java target/bookshelf-lambda.jar}.
 *
 * <p>Removes the local variable tables ({@code LocalVariableTable}, {@code LocalVariableTypeTable})
 * from every class: only debuggers read them. Everything else stays as it is: code, stack map
 * frames, line numbers and source file names (stack traces are unchanged), annotations, method
 * parameter names, every resource and the entry order (the manifest first); each class is checked
 * to be the same as before apart from debug information. Entries are written again at the best
 * compression level. About 0.7 MB less upload.
 */
public final class StripDebugVariables {
    private StripDebugVariables() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StripDebugVariables <jar>");
        }
        Path jar = Path.of(args[0]);
        Path out = jar.resolveSibling(jar.getFileName() + ".tmp");
        long before = Files.size(jar);
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            zip.setLevel(9);
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                copy(in, entries.nextElement(), zip);
            }
        }
        Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[StripDebugVariables] " + jar.getFileName() + ": " + before + " -> " + Files.size(jar)
                + " bytes");
    }

    private static void copy(ZipFile in, ZipEntry entry, ZipOutputStream zip) throws IOException {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        zip.putNextEntry(copy);
        if (!entry.isDirectory()) {
            byte[] bytes;
            try (InputStream data = in.getInputStream(entry)) {
                bytes = data.readAllBytes();
            }
            zip.write(entry.getName().endsWith(".class") ? checked(entry.getName(), bytes) : bytes);
        }
        zip.closeEntry();
    }

    /**
     * The class without its local variable tables, refused (the build fails) unless everything but
     * debug information is the same as before: both read without debug information must write the
     * same bytes.
     */
    private static byte[] checked(String name, byte[] classFile) {
        byte[] stripped = withoutLocalVariables(classFile);
        if (!Arrays.equals(withoutDebugInformation(classFile), withoutDebugInformation(stripped))) {
            throw new IllegalStateException(name + ": stripping changed more than debug information");
        }
        return stripped;
    }

    private static byte[] withoutDebugInformation(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(writer, ClassReader.SKIP_DEBUG);
        return writer.toByteArray();
    }

    static byte[] withoutLocalVariables(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) {
                    @Override
                    public void visitLocalVariable(String n, String d, String s, Label start, Label end, int i) {
                        // dropped: LocalVariableTable and LocalVariableTypeTable entries
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
