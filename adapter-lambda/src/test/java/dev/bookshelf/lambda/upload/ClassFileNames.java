package dev.bookshelf.lambda.upload;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The class names in a class file's constant pool (internal form, {@code a/b/C}).
 *
 * @param referenced what the class links to: its class constants and the types in its descriptors
 *                   and signatures (the JVM loads these)
 * @param mentioned  {@code referenced} plus every string constant that spells a class name (what
 *                   {@code Class.forName} could load)
 */
record ClassFileNames(Set<String> referenced, Set<String> mentioned) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:[./][A-Za-z_$][\\w$]*)+(?![\\w$-])");
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("(?<![\\w$/])L([\\w$]+(?:/[\\w$]+)+)[;<]");

    static ClassFileNames of(byte[] classFile) throws IOException {
        Pool pool = Pool.read(classFile);
        Set<String> referenced = new LinkedHashSet<>();
        Set<String> mentioned = new LinkedHashSet<>();
        for (int index : pool.classNameIndexes) {
            String name = pool.utf8.get(index);
            if (name.startsWith("[")) {
                descriptorTypes(name, referenced);
            } else {
                referenced.add(name);
            }
        }
        for (String utf8 : pool.utf8) {
            if (utf8 == null) {
                continue;
            }
            descriptorTypes(utf8, referenced);
            Matcher m = NAME.matcher(utf8);
            while (m.find()) {
                mentioned.add(m.group().replace('.', '/'));
            }
        }
        mentioned.addAll(referenced);
        return new ClassFileNames(referenced, mentioned);
    }

    private static void descriptorTypes(String descriptor, Set<String> into) {
        Matcher m = DESCRIPTOR_TYPE.matcher(descriptor);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    /** The UTF-8 entries (by index) and the name indexes of the class constants. */
    private record Pool(List<String> utf8, List<Integer> classNameIndexes) {
        static Pool read(byte[] classFile) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.skipBytes(4);
            int count = in.readUnsignedShort();
            List<String> utf8 = new ArrayList<>(count);
            List<Integer> classes = new ArrayList<>();
            utf8.add(null);
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                String value = null;
                switch (tag) {
                    case 1 -> value = in.readUTF();
                    case 7 -> classes.add(in.readUnsignedShort());
                    case 3, 4 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        utf8.add(null);
                        i++;
                    }
                    case 8, 16, 19, 20 -> in.skipBytes(2);
                    case 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 15 -> in.skipBytes(3);
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
                utf8.add(value);
            }
            return new Pool(utf8, classes);
        }
    }
}
