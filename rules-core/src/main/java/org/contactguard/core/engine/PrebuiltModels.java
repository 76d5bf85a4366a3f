package org.contactguard.core.engine;

import java.io.IOException;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pack's rule base from its executable model, generated and compiled when the pack was packaged
 * ({@link PackModelGenerator}), instead of compiling its DRL at start. Starting from the model takes
 * a fraction of the DRL compile, and its constraints are plain Java lambdas instead of MVEL.
 *
 * <p>A model is used only when its {@value #MODEL_FILE} names the SHA-256 of exactly the pack's
 * current DRL files: an edited rule file, a folder pack or a pack without a model compiles from
 * DRL as before. Parameters are facts, not part of the model, so overrides and tuned values never
 * need a rebuild.
 */
final class PrebuiltModels {

    /** Written next to {@code pack.properties}: the model class and the digest of the DRL it came from. */
    static final String MODEL_FILE = "pack.model";
    static final String MODEL_KEY = "model";
    static final String DIGEST_KEY = "drl.sha256";

    private static final Logger LOG = LoggerFactory.getLogger(PrebuiltModels.class);

    private PrebuiltModels() {
    }

    /** SHA-256 over the pack's rule files, names and texts, in their compile order. */
    static String drlDigest(PackFiles pack) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (PackFiles.DrlFile drl : pack.drls()) {
                String path = drl.path().replace('\\', '/');
                RuleSetCompiler.update(sha, path.substring(path.lastIndexOf('/') + 1));
                RuleSetCompiler.update(sha, drl.text());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** A pack's pre-built model and the rule base built from it; the model can join others in one rule base. */
    record Prebuilt(Model model, KieBase kieBase) {
    }

    /**
     * The pack's rule base built from its pre-built model, or null when the pack has no model for
     * its current DRL (then the caller compiles the DRL). A model that is present and matches but
     * cannot be loaded is logged and also gives null: the DRL it was made from is at hand.
     */
    static Prebuilt load(PackFiles pack, ClassLoader loader) {
        Properties model = modelFile(pack);
        if (model == null) {
            return null;
        }
        String className = model.getProperty(MODEL_KEY);
        String digest = model.getProperty(DIGEST_KEY);
        if (className == null || digest == null || !digest.equals(drlDigest(pack))) {
            LOG.debug("Pack {}: pre-built model does not match its rule files; compiling the DRL", pack.id());
            return null;
        }
        try {
            Model rules = (Model) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
            return new Prebuilt(rules, KieBaseBuilder.createKieBaseFromModel(rules));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("Pack {}: cannot load the pre-built model {}; compiling the DRL instead", pack.id(), className, e);
            return null;
        }
    }

    private static Properties modelFile(PackFiles pack) {
        String text;
        try {
            text = pack.folder().read(MODEL_FILE);
        } catch (IOException e) {
            LOG.warn("Pack {}: cannot read {}; compiling the DRL", pack.id(), MODEL_FILE, e);
            return null;
        }
        if (text == null) {
            return null;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Pack {}: {} is malformed; compiling the DRL", pack.id(), MODEL_FILE, e);
            return null;
        }
        return properties;
    }
}
