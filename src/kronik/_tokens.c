/* The token layer's one scan of a text, in C (kronik.tokens.tokenize).
 *
 * A token is a run of letters or digits, exactly what the regular expression [^\W_]+ matches
 * in a str: the characters for which Py_UNICODE_ISALNUM holds (the test Python's own regex
 * engine makes for \w, less the underscore). One pass over the text gives, per token, its
 * start and end offsets, the word as written, its lower case and the text up to the next
 * token (the gap), and indexes where each lower-cased word occurs. In Python this took a
 * regex split, an accumulate of lengths, a joined lower-casing and a dict filled token by
 * token: a fifth of the work on a short article. The lower case of a word is str.lower's,
 * computed in place only for ASCII words (where it maps A-Z to a-z and nothing else).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Whether each of the first 256 characters is a letter or digit, filled from
 * Py_UNICODE_ISALNUM when the module loads: most characters of a text are among them, and
 * the full test calls up to four lookups in the Unicode database for every space and stop. */
static unsigned char latin1_alnum[256];

static inline int
is_alnum(Py_UCS4 character)
{
    return character < 256 ? latin1_alnum[character] : Py_UNICODE_ISALNUM(character);
}

/* A word's lower case: the word itself where it is ASCII without capitals (most words of a
 * text), a copy with A-Z mapped to a-z where it is ASCII, else str.lower's answer. */
static PyObject *
lower_case(PyObject *word)
{
    if (!PyUnicode_IS_ASCII(word)) {
        return PyObject_CallMethod(word, "lower", NULL);
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(word);
    const Py_UCS1 *chars = PyUnicode_1BYTE_DATA(word);
    Py_ssize_t first_capital = 0;
    while (first_capital < length && !(chars[first_capital] >= 'A' && chars[first_capital] <= 'Z')) {
        first_capital++;
    }
    if (first_capital == length) {
        return Py_NewRef(word);
    }
    PyObject *lower = PyUnicode_New(length, 127);
    if (lower == NULL) {
        return NULL;
    }
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(lower);
    memcpy(out, chars, (size_t)first_capital);
    for (Py_ssize_t i = first_capital; i < length; i++) {
        Py_UCS1 c = chars[i];
        out[i] = (c >= 'A' && c <= 'Z') ? (Py_UCS1)(c + ('a' - 'A')) : c;
    }
    return lower;
}

/* Appends a new reference to a list and drops it: 0, or -1 with an exception set. */
static int
append_new(PyObject *list, PyObject *item)
{
    if (item == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}

/* Records the token at index ``number`` under its lower case in ``positions``. */
static int
index_word(PyObject *positions, PyObject *lower, Py_ssize_t number)
{
    PyObject *indices = PyDict_GetItemWithError(positions, lower);  /* borrowed */
    if (indices == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        indices = PyList_New(0);
        if (indices == NULL) {
            return -1;
        }
        int failed = PyDict_SetItem(positions, lower, indices);
        Py_DECREF(indices);  /* the dict holds it now */
        if (failed) {
            return -1;
        }
    }
    return append_new(indices, PyLong_FromSsize_t(number));
}

/* The token lists of a text: its tokens cut out one by one, each filed in every list. */
static int
scan(PyObject *text, PyObject *starts, PyObject *ends, PyObject *words, PyObject *lowers,
     PyObject *gaps, PyObject *positions)
{
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t at = 0;
    while (at < length && !is_alnum(PyUnicode_READ(kind, data, at))) {
        at++;  /* the text before the first token belongs to no token */
    }
    for (Py_ssize_t number = 0; at < length; number++) {
        const Py_ssize_t start = at;
        while (at < length && is_alnum(PyUnicode_READ(kind, data, at))) {
            at++;
        }
        const Py_ssize_t end = at;
        while (at < length && !is_alnum(PyUnicode_READ(kind, data, at))) {
            at++;
        }
        PyObject *word = PyUnicode_Substring(text, start, end);
        if (word == NULL) {
            return -1;
        }
        PyObject *lower = lower_case(word);
        if (append_new(words, word) < 0 || lower == NULL
                || index_word(positions, lower, number) < 0) {
            Py_XDECREF(lower);
            return -1;
        }
        if (append_new(lowers, lower) < 0
                || append_new(starts, PyLong_FromSsize_t(start)) < 0
                || append_new(ends, PyLong_FromSsize_t(end)) < 0
                || append_new(gaps, PyUnicode_Substring(text, end, at)) < 0) {
            return -1;
        }
    }
    return 0;
}

PyDoc_STRVAR(tokenize_doc,
"tokenize(text) -> (starts, ends, words, lowers, gaps, positions)\n\n"
"The runs of letters or digits of a text ([^\\W_]+) as parallel lists: start and end\n"
"offsets, the words as written, their lower case, the text after each up to the next\n"
"token; and positions, each lower-cased word -> the indices where it occurs.");

static PyObject *
tokenize(PyObject *module, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "tokenize() needs a str, not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    PyObject *starts = PyList_New(0), *ends = PyList_New(0), *words = PyList_New(0);
    PyObject *lowers = PyList_New(0), *gaps = PyList_New(0), *positions = PyDict_New();
    PyObject *result = NULL;
    if (starts && ends && words && lowers && gaps && positions
            && scan(text, starts, ends, words, lowers, gaps, positions) == 0) {
        result = PyTuple_Pack(6, starts, ends, words, lowers, gaps, positions);
    }
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(words);
    Py_XDECREF(lowers);
    Py_XDECREF(gaps);
    Py_XDECREF(positions);
    return result;
}

static PyMethodDef methods[] = {
    {"tokenize", tokenize, METH_O, tokenize_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "kronik._tokens",
    "The token layer's one scan of a text, in C (see kronik.tokens).", -1, methods,
};

PyMODINIT_FUNC
PyInit__tokens(void)
{
    for (Py_UCS4 character = 0; character < 256; character++) {
        latin1_alnum[character] = Py_UNICODE_ISALNUM(character) ? 1 : 0;
    }
    return PyModule_Create(&module);
}
