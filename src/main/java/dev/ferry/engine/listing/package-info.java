/**
 * Parsers for remote folder listings: {@code MLSD}/{@code MLST} facts (RFC 3659) and {@code LIST}
 * output in Unix {@code ls -l} and Windows/IIS styles. Parsers never throw on server input; a line
 * no parser understands becomes an {@linkplain RemoteEntry#unparsed(String) unparsed entry}.
 */
package dev.ferry.engine.listing;
