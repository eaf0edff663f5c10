/**
 * Identity and provenance of stored runs ({@link io.quantzoo.core.run.RunInfo}), shared by the
 * store, the reports and the CLI.
 */
package io.quantzoo.core.run;
