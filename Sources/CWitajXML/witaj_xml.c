// libxml2 behind a C face; see include/witaj_xml.h for why this exists.
#include "witaj_xml.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    witaj_xml_issue *items;
    int32_t count, capacity;
    int32_t errors;
} issue_list;

struct witaj_xml_doc {
    xmlDocPtr doc;
    issue_list issues;
};

struct witaj_xml_schema {
    xmlRelaxNGPtr schema;
    issue_list issues;
};

static void add_issue(issue_list *list, int line, int column, int warning, const char *message) {
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 8;
        list->items = realloc(list->items, sizeof(witaj_xml_issue) * (size_t)list->capacity);
    }
    char *copy = strdup(message ? message : "unknown XML error");
    size_t n = strlen(copy);
    while (n > 0 && (copy[n - 1] == '\n' || copy[n - 1] == ' ')) copy[--n] = 0;
    list->items[list->count++] = (witaj_xml_issue){line, column, warning, copy};
    if (!warning) list->errors++;
}

static void free_issues(issue_list *list) {
    for (int32_t i = 0; i < list->count; i++) free((void *)list->items[i].message);
    free(list->items);
}

static void structured_error(void *user, xmlErrorPtr error) {
    issue_list *list = user;
    int line = error->line;
    if (line <= 0 && error->node && ((xmlNodePtr)error->node)->type == XML_ELEMENT_NODE)
        line = xmlGetLineNo((xmlNodePtr)error->node);
    add_issue(list, line, error->int2, error->level == XML_ERR_WARNING, error->message);
}

// The document being parsed on this thread, for the callbacks below that have no user pointer of ours.
static __thread witaj_xml_doc *current;

// Nothing outside the given bytes is ever read: every DTD, entity or XInclude fetch is refused.
static xmlParserInputPtr refuse_external(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    char message[512];
    snprintf(message, sizeof message, "refused to read external resource '%s': witaj reads no files or URLs named in XML",
             url ? url : (id ? id : "?"));
    if (current) add_issue(&current->issues, ctxt && ctxt->input ? ctxt->input->line : 0, 0, 0, message);
    return NULL;
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id) {
    xmlParserCtxtPtr ctxt = ctx;
    char message[512];
    if (system_id || external_id)
        snprintf(message, sizeof message,
                 "DOCTYPE points to an external DTD '%s'; DTDs are not allowed in witaj XML (nothing was read)",
                 system_id ? (const char *)system_id : (const char *)external_id);
    else
        snprintf(message, sizeof message, "DOCTYPE declarations are not allowed in witaj XML");
    if (current) add_issue(&current->issues, xmlSAX2GetLineNumber(ctxt), xmlSAX2GetColumnNumber(ctxt), 0, message);
    xmlSAX2InternalSubset(ctx, name, external_id, system_id);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content) {
    xmlParserCtxtPtr ctxt = ctx;
    char message[512];
    if (system_id || public_id)
        snprintf(message, sizeof message,
                 "external entity '%s' points to '%s'; external entities are not allowed (nothing was read)",
                 (const char *)name, system_id ? (const char *)system_id : (const char *)public_id);
    else
        snprintf(message, sizeof message, "entity declaration '%s' is not allowed in witaj XML", (const char *)name);
    if (current) add_issue(&current->issues, xmlSAX2GetLineNumber(ctxt), xmlSAX2GetColumnNumber(ctxt), 0, message);
    (void)type; (void)content;  // not declared: its references stay unresolved
}

static pthread_once_t setup_once = PTHREAD_ONCE_INIT;
static void setup(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_external);
}

witaj_xml_doc *witaj_xml_parse(const char *bytes, int32_t length, const char *path) {
    pthread_once(&setup_once, setup);
    witaj_xml_doc *result = calloc(1, sizeof *result);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        add_issue(&result->issues, 0, 0, 0, "out of memory");
        return result;
    }
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->sax->entityDecl = on_entity_decl;
    ctxt->sax->externalSubset = NULL;
    ctxt->sax->serror = NULL;
    current = result;
    xmlSetStructuredErrorFunc(&result->issues, structured_error);
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOXINCNODE;
    result->doc = xmlCtxtReadMemory(ctxt, bytes, length, path, "UTF-8", options);
    xmlSetStructuredErrorFunc(NULL, NULL);
    current = NULL;
    xmlFreeParserCtxt(ctxt);
    if (!result->doc && result->issues.errors == 0) add_issue(&result->issues, 0, 0, 0, "the file is not XML");
    return result;
}

void witaj_xml_free(witaj_xml_doc *doc) {
    if (!doc) return;
    if (doc->doc) xmlFreeDoc(doc->doc);
    free_issues(&doc->issues);
    free(doc);
}

int32_t witaj_xml_issue_count(const witaj_xml_doc *doc) { return doc->issues.count; }
witaj_xml_issue witaj_xml_issue_at(const witaj_xml_doc *doc, int32_t index) { return doc->issues.items[index]; }
int32_t witaj_xml_has_errors(const witaj_xml_doc *doc) { return doc->issues.errors > 0 || !doc->doc; }

witaj_xml_node witaj_xml_root(const witaj_xml_doc *doc) { return doc->doc ? xmlDocGetRootElement(doc->doc) : NULL; }
witaj_xml_node witaj_xml_first_child(witaj_xml_node node) { return ((xmlNodePtr)node)->children; }
witaj_xml_node witaj_xml_next(witaj_xml_node node) { return ((xmlNodePtr)node)->next; }

int32_t witaj_xml_kind(witaj_xml_node node) {
    switch (((xmlNodePtr)node)->type) {
        case XML_ELEMENT_NODE: return 1;
        case XML_TEXT_NODE: case XML_CDATA_SECTION_NODE: return 2;
        default: return 0;
    }
}

const char *witaj_xml_name(witaj_xml_node node) { return (const char *)((xmlNodePtr)node)->name; }
const char *witaj_xml_namespace(witaj_xml_node node) {
    xmlNsPtr ns = ((xmlNodePtr)node)->ns;
    return ns ? (const char *)ns->href : NULL;
}
const char *witaj_xml_text(witaj_xml_node node) { return (const char *)((xmlNodePtr)node)->content; }
int32_t witaj_xml_line(witaj_xml_node node) { return (int32_t)xmlGetLineNo((xmlNodePtr)node); }
witaj_xml_node witaj_xml_first_attribute(witaj_xml_node element) { return ((xmlNodePtr)element)->properties; }
witaj_xml_node witaj_xml_next_attribute(witaj_xml_node attribute) { return ((xmlAttrPtr)attribute)->next; }

char *witaj_xml_attribute_value(witaj_xml_node attribute) {
    xmlAttrPtr a = (xmlAttrPtr)attribute;
    return (char *)xmlNodeListGetString(a->doc, a->children, 1);
}
void witaj_xml_string_free(char *string) { xmlFree(string); }

witaj_xml_schema *witaj_xml_schema_open(const char *rng, int32_t length) {
    pthread_once(&setup_once, setup);
    witaj_xml_schema *result = calloc(1, sizeof *result);
    xmlRelaxNGParserCtxtPtr ctxt = xmlRelaxNGNewMemParserCtxt(rng, length);
    xmlRelaxNGSetParserStructuredErrors(ctxt, structured_error, &result->issues);
    result->schema = xmlRelaxNGParse(ctxt);
    xmlRelaxNGFreeParserCtxt(ctxt);
    if (!result->schema && result->issues.errors == 0) add_issue(&result->issues, 0, 0, 0, "invalid RELAX NG schema");
    return result;
}

void witaj_xml_schema_close(witaj_xml_schema *schema) {
    if (!schema) return;
    if (schema->schema) xmlRelaxNGFree(schema->schema);
    free_issues(&schema->issues);
    free(schema);
}

int32_t witaj_xml_schema_issue_count(const witaj_xml_schema *schema) { return schema->issues.count; }
witaj_xml_issue witaj_xml_schema_issue_at(const witaj_xml_schema *schema, int32_t index) {
    return schema->issues.items[index];
}

int32_t witaj_xml_validate(const witaj_xml_schema *schema, witaj_xml_doc *doc) {
    if (!schema->schema || !doc->doc) return 0;
    // A validation context is cheap and not thread-safe: one per call.
    xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt(schema->schema);
    xmlRelaxNGSetValidStructuredErrors(ctxt, structured_error, &doc->issues);
    int rc = xmlRelaxNGValidateDoc(ctxt, doc->doc);
    xmlRelaxNGFreeValidCtxt(ctxt);
    return rc == 0;
}

char *witaj_xml_html_to_xhtml(const char *bytes, int32_t length, int32_t *out_length) {
    htmlDocPtr doc = htmlReadMemory(bytes, length, NULL, "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD);
    if (!doc) return NULL;
    xmlBufferPtr buffer = xmlBufferCreate();
    xmlSaveCtxtPtr save = xmlSaveToBuffer(buffer, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_AS_XML);
    char *result = NULL;
    if (save) {
        xmlSaveDoc(save, doc);
        xmlSaveClose(save);
        result = xmlMalloc((size_t)xmlBufferLength(buffer) + 1);
        memcpy(result, xmlBufferContent(buffer), (size_t)xmlBufferLength(buffer));
        result[xmlBufferLength(buffer)] = 0;
        *out_length = xmlBufferLength(buffer);
    }
    xmlBufferFree(buffer);
    xmlFreeDoc(doc);
    return result;
}
