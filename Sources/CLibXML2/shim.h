#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, whose headers then clash with Foundation's own copy of ICU
   (_FoundationICU) in any Swift file that imports both. iku-lint never touches libxml2's ICU
   converter fields (only pointers to the encoding handler pass through), so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
