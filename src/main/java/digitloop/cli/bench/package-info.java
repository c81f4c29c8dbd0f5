/**
 * The {@code bench} command's measurements: each figure beside the same quantity under DL4J's
 * defaults, measured in a child JVM in the same run, so ratios survive a noisy shared machine.
 */
package digitloop.cli.bench;
