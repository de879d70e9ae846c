/* A plain text (bot/facts/words.py): ASCII but for the marks that have no case. Shared by the facts'
 * compiled scans (bot/facts/_runs.c, bot/facts/_aliases.c); include after Python.h. */
#ifndef SUMMITBOT_FACTS_PLAIN_H
#define SUMMITBOT_FACTS_PLAIN_H

static int uncased_mark(Py_UCS4 c) {
    switch (c) {
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: /* ‘ ’ “ ” */
    case 0x2013: case 0x2014: case 0x2026:              /* – — … */
    case 0x00AB: case 0x00BB: case 0x00A0:              /* « » no-break space */
        return 1;
    default:
        return 0;
    }
}

/* Whether every character of `text` is ASCII or one of the marks without case. */
static int is_plain(PyObject *text) {
    if (PyUnicode_MAX_CHAR_VALUE(text) <= 127) return 1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c > 127 && !uncased_mark(c)) return 0;
    }
    return 1;
}

#endif
