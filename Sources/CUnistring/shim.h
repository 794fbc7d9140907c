// GNU libunistring's line breaking: the very code gettext's msgcat and msgmerge use to wrap PO files,
// so that catalogs witaj writes are byte-identical to what gettext writes.
#include <unilbrk.h>
