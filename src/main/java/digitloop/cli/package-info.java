/**
 * The headless command line (picocli): fetch-data, train, evaluate, predict, experiment and bench.
 * Commands print one plain line on error and exit non-zero; details go to logs/digitloop.log.
 */
package digitloop.cli;
