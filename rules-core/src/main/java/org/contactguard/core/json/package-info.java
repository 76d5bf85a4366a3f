/**
 * The JSON form of the request/decision contract (version 1), as used by the {@code contactguard}
 * command line, scenario files and services: strict reading of requests (unknown fields, unknown
 * constants, wrong types and missing fields are errors naming the field path) and writing of decisions.
 * The JSON Schemas {@code contactguard-request.schema.json} and {@code contactguard-decision.schema.json}
 * are published next to this package on the classpath root.
 *
 * <pre>{@code
 * String decisionLine = DecisionJson.decideLine(engine, requestLine);
 * }</pre>
 */
package org.contactguard.core.json;
