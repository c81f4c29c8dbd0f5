/**
 * The headless command line (picocli): fetch-data, train, evaluate, predict, experiment and bench.
 * Commands print one plain line on error and exit non-zero; details go to this run's own log file (docs/architecture.md).
 */
package digitloop.cli;
