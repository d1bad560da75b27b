package dev.waymark.cli;

import picocli.CommandLine;

/** Prints the version from the jar manifest (or "dev" when run from classes). */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Waymark.class.getPackage().getImplementationVersion();
        return new String[]{"waymark " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
    }
}
