// libxml2 built with ICU would pull ICU's headers in, which clash with the
// copy inside Foundation; feedpub uses none of libxml2's ICU parts.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
