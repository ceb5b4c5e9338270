import { CORE } from './client/core.js';
import { DOC } from './client/doc.js';
import { OVERVIEW } from './client/overview.js';
import { PANEL } from './client/panel.js';

/** The page's whole script: the parts share one function scope; PANEL's tail starts the page. */
export const SCRIPT = `(function () {\n'use strict';\n${CORE}\n${OVERVIEW}\n${DOC}\n${PANEL}\n})();\n`;
