// cmark-gfm and its GFM extensions (tables, strikethrough, autolink); these headers carry no ICU.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
