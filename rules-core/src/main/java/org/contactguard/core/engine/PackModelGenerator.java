package org.contactguard.core.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * Build-time step: generates and compiles the executable model of every pack in the classpath
 * catalog, writing its classes and a {@value PrebuiltModels#MODEL_FILE} per pack into a classes
 * folder, so that the packaged catalog starts without compiling DRL (see {@link PrebuiltModels}).
 * Needs {@code org.drools:drools-model-codegen} on the classpath, which only the build has.
 *
 * <pre>java -cp &lt;classpath with the packs and drools-model-codegen&gt;
 *     org.contactguard.core.engine.PackModelGenerator target/classes</pre>
 *
 * Exits 1, listing the problems, when a pack does not generate; a catalog that ships must.
 */
public final class PackModelGenerator {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

    private PackModelGenerator() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PackModelGenerator <classes folder>");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        // As RuleSetCompiler compiles DRL: facts are immutable, so property reactivity has nothing to
        // track. A system property because a kmodule.xml setting would need Drools' XML support.
        System.setProperty(PropertySpecificOption.PROPERTY_NAME, PropertySpecificOption.ALLOWED.name());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> failures = new ArrayList<>();
        List<String> generated = new ArrayList<>();
        long started = System.nanoTime();
        for (String id : PackReader.catalogPacks(loader)) {
            List<RuleProblem> problems = new ArrayList<>();
            PackFiles pack = PackReader.fromClasspath(loader, id, problems);
            if (pack == null) {
                problems.forEach(problem -> failures.add(problem.toString()));
                continue;
            }
            List<String> errors = generate(pack, classes);
            if (errors.isEmpty()) {
                generated.add(id);
            }
            failures.addAll(errors);
        }
        System.out.printf("Pre-built the executable models of %d packs %s in %d ms%n", generated.size(), generated,
                (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty()) {
            failures.forEach(System.err::println);
            System.exit(1);
        }
    }

    /** Generates one pack's model into {@code classes}; the problems, or none. */
    static List<String> generate(PackFiles pack, Path classes) {
        KieServices services = KieServices.get();
        KieFileSystem files = services.newKieFileSystem();
        files.generateAndWritePomXML(services.newReleaseId("org.contactguard.prebuilt", pack.id(), "0"));
        for (PackFiles.DrlFile drl : pack.drls()) {
            String path = drl.path().replace('\\', '/');
            // In the folder of its package, as a kjar expects (otherwise Drools warns for every file).
            Matcher declared = PACKAGE.matcher(drl.text());
            String folder = declared.find() ? declared.group(1).replace('.', '/') + "/" : "";
            files.write("src/main/resources/" + folder + path.substring(path.lastIndexOf('/') + 1), drl.text());
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        List<String> errors = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(pack.id() + ": " + message.getPath() + ":" + message.getLine() + ": " + message.getText());
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        InternalKieModule module = (InternalKieModule) ((KieBuilderImpl) builder).getKieModule();
        String modelClass = null;
        for (String name : module.getFileNames()) {
            // Only the pack's own classes: the project model and kjar metadata are for KieContainers,
            // which the engine does not use, and would collide between packs.
            if (!name.endsWith(".class") || name.startsWith("org/drools/project/")) {
                continue;
            }
            byte[] bytes = module.getBytes(name);
            write(classes.resolve(name), bytes);
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            if (isModel(name)) {
                if (modelClass != null) {
                    errors.add(pack.id() + ": more than one model class (" + modelClass + ", " + className
                            + "); a pack has one package");
                }
                modelClass = className;
            }
        }
        if (modelClass == null) {
            errors.add(pack.id() + ": the executable model has no model class");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        // Written by hand rather than by Properties.store, which adds the date: the same rules
        // always give the same file. Class names and hex digests need no escaping.
        String text = "# Executable model of pack " + pack.id() + " (package "
                + modelClass.substring(0, modelClass.lastIndexOf('.'))
                + "), generated at build time; used only while the DRL digest matches\n"
                + PrebuiltModels.MODEL_KEY + "=" + modelClass + "\n"
                + PrebuiltModels.DIGEST_KEY + "=" + PrebuiltModels.drlDigest(pack) + "\n";
        write(classes.resolve("rules/" + pack.id() + "/" + PrebuiltModels.MODEL_FILE),
                text.getBytes(StandardCharsets.ISO_8859_1));
        return List.of();
    }

    /** The generated {@code Rules<hash>} class of the pack's package (not its RuleMethods parts). */
    private static boolean isModel(String path) {
        String simple = path.substring(path.lastIndexOf('/') + 1, path.length() - ".class".length());
        return simple.matches("Rules[0-9A-F]+");
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
