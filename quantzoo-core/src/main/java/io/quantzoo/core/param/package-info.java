/**
 * Declared, validated parameters shared by strategies and indicators. Declare them as a typed
 * record annotated with {@link io.quantzoo.core.param.Param} (see {@link
 * io.quantzoo.core.param.ParamRecords}) or as a list of {@link io.quantzoo.core.param.ParamSpec};
 * {@link io.quantzoo.core.param.Params} validates raw config values against them.
 */
package io.quantzoo.core.param;
