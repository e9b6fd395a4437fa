/**
 * What every module may use: Vietnamese text handling (folding, collation) and the {@link vn.lantoa.shared.Problem}
 * that carries a stable error code and a Vietnamese message to the API, the pages and the command line.
 * Plain Java, no Spring, kept deliberately small.
 */
package vn.lantoa.shared;
