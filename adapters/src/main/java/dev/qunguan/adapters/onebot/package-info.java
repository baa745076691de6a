/** OneBot v11 (QQ through NapCat, Lagrange.OneBot, go-cqhttp, LLOneBot): webhook decoding, quick operations and the HTTP API client. */
@NullMarked
package dev.qunguan.adapters.onebot;

import org.jspecify.annotations.NullMarked;
