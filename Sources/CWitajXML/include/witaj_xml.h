// A plain C face for libxml2: safe parsing (no network, no DTD, no external entities, nothing read
// but the given bytes) and RELAX NG validation, with every problem collected with its line.
// It exists because Swift cannot import libxml2's headers next to Foundation's (they pull in ICU).
// Handles are opaque; a document owns its nodes and issues, and witaj_xml_free releases all of it.
#ifndef WITAJ_XML_H
#define WITAJ_XML_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct witaj_xml_doc witaj_xml_doc;
typedef struct witaj_xml_schema witaj_xml_schema;
typedef const void *witaj_xml_node;  // an xmlNode or xmlAttr owned by its document
typedef struct {
    int32_t line;
    int32_t column;     // 0 when libxml2 does not know it
    int32_t is_warning;
    const char *message;  // owned by the document or schema
} witaj_xml_issue;

/// Never returns NULL; a document with errors has issues and perhaps no root.
witaj_xml_doc *witaj_xml_parse(const char *bytes, int32_t length, const char *path);
void witaj_xml_free(witaj_xml_doc *doc);
int32_t witaj_xml_issue_count(const witaj_xml_doc *doc);
witaj_xml_issue witaj_xml_issue_at(const witaj_xml_doc *doc, int32_t index);
/// 1 when the document has errors of its own (syntax, DOCTYPE, entities, schema violations).
int32_t witaj_xml_has_errors(const witaj_xml_doc *doc);

witaj_xml_node witaj_xml_root(const witaj_xml_doc *doc);
witaj_xml_node witaj_xml_first_child(witaj_xml_node node);
witaj_xml_node witaj_xml_next(witaj_xml_node node);
/// 1 element, 2 text or CDATA, 0 anything else (comments, processing instructions).
int32_t witaj_xml_kind(witaj_xml_node node);
const char *witaj_xml_name(witaj_xml_node node);  // local name of an element or attribute
const char *witaj_xml_namespace(witaj_xml_node node);  // namespace URI or NULL
const char *witaj_xml_text(witaj_xml_node node);  // content of a text node
int32_t witaj_xml_line(witaj_xml_node node);
witaj_xml_node witaj_xml_first_attribute(witaj_xml_node element);
witaj_xml_node witaj_xml_next_attribute(witaj_xml_node attribute);
/// The value of an attribute; free it with witaj_xml_string_free.
char *witaj_xml_attribute_value(witaj_xml_node attribute);
void witaj_xml_string_free(char *string);

/// Compiles a RELAX NG schema (its text); NULL with issues in *message_out on failure.
witaj_xml_schema *witaj_xml_schema_open(const char *rng, int32_t length);
void witaj_xml_schema_close(witaj_xml_schema *schema);
int32_t witaj_xml_schema_issue_count(const witaj_xml_schema *schema);
witaj_xml_issue witaj_xml_schema_issue_at(const witaj_xml_schema *schema, int32_t index);
/// Validates and appends violations to the document's issues; returns 1 when valid.
int32_t witaj_xml_validate(const witaj_xml_schema *schema, witaj_xml_doc *doc);

/// HTML (as witaj's templates write it) read by libxml2's HTML parser, with no network, and written back by its
/// serializer as XHTML (XML syntax: void elements closed, every attribute with a value), without the XML
/// declaration. NULL when it cannot be read; free the result with witaj_xml_string_free.
char *witaj_xml_html_to_xhtml(const char *bytes, int32_t length, int32_t *out_length);

#ifdef __cplusplus
}
#endif
#endif
