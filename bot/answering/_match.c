/* How much of a question's concepts a candidate sentence covers, for bot/answering/concept_match.py: the
 * Python path there step for step (it stays the reference and the fallback), the same double arithmetic
 * in the same order, so every feature is the same number.
 *
 *   coverage(pairs, weights, terms, speakers) -> (shares, covered, unmatched, full)
 *       pairs: list of (terms, related) frozensets, one a concept; weights: a float a concept;
 *       terms, speakers: frozensets (a concept matched by either counts).
 *       shares: 1.0 a concept named, 0.5 one only spoken of by related words, else 0.0;
 *       covered: sum of weight * share (left to right); unmatched: the largest weight of a concept with
 *       share 0 (0.0 when none); full: every share 1.0.
 *   covered_with(pairs, weights, shares, more) -> float
 *       sum of weight * max(share, the concept's share of `more`), left to right.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* 1 when the sets share an element (as not a.isdisjoint(b)), 0 when not, -1 on error. */
static int meets(PyObject *a, PyObject *b) {
    if (PySet_GET_SIZE(a) > PySet_GET_SIZE(b)) {
        PyObject *t = a;
        a = b;
        b = t;
    }
    if (PySet_GET_SIZE(a) == 0) return 0;
    PyObject *it = PyObject_GetIter(a);
    if (it == NULL) return -1;
    PyObject *key;
    int found = 0;
    while ((key = PyIter_Next(it)) != NULL) {
        found = PySet_Contains(b, key);
        Py_DECREF(key);
        if (found) break;
    }
    Py_DECREF(it);
    if (found == 0 && PyErr_Occurred()) return -1;
    return found;
}

/* A concept's share of `terms` and `extra` together (extra may be NULL): 1.0, 0.5 or 0.0; -1.0 on error. */
static double share_of(PyObject *pair, PyObject *terms, PyObject *extra) {
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
        PyErr_SetString(PyExc_TypeError, "a concept is a (terms, related) tuple");
        return -1.0;
    }
    for (int level = 0; level < 2; level++) {
        PyObject *words = PyTuple_GET_ITEM(pair, level);
        if (!PyAnySet_Check(words)) {
            PyErr_SetString(PyExc_TypeError, "a concept's words are a set");
            return -1.0;
        }
        int hit = meets(words, terms);
        if (hit == 0 && extra != NULL) hit = meets(words, extra);
        if (hit < 0) return -1.0;
        if (hit) return level == 0 ? 1.0 : 0.5;
    }
    return 0.0;
}

static int check_sets(PyObject *a, PyObject *b) {
    if (!PyAnySet_Check(a) || (b != NULL && !PyAnySet_Check(b))) {
        PyErr_SetString(PyExc_TypeError, "terms are sets");
        return -1;
    }
    return 0;
}

static PyObject *coverage(PyObject *self, PyObject *args) {
    PyObject *pairs, *weights, *terms, *speakers;
    if (!PyArg_ParseTuple(args, "O!O!OO", &PyList_Type, &pairs, &PyList_Type, &weights, &terms, &speakers))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(pairs);
    if (PyList_GET_SIZE(weights) != n) {
        PyErr_SetString(PyExc_ValueError, "a weight a concept");
        return NULL;
    }
    if (check_sets(terms, speakers) < 0) return NULL;
    PyObject *extra = PySet_GET_SIZE(speakers) ? speakers : NULL;
    PyObject *shares = PyList_New(n);
    if (shares == NULL) return NULL;
    double covered = 0.0, unmatched = 0.0;
    int any_unmatched = 0, full = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        double m = share_of(PyList_GET_ITEM(pairs, i), terms, extra);
        double w = PyFloat_AsDouble(PyList_GET_ITEM(weights, i));
        if (m < 0.0 || (w == -1.0 && PyErr_Occurred())) {
            Py_DECREF(shares);
            return NULL;
        }
        PyObject *value = PyFloat_FromDouble(m);
        if (value == NULL) {
            Py_DECREF(shares);
            return NULL;
        }
        PyList_SET_ITEM(shares, i, value);
        covered += w * m;
        if (m != 1.0) full = 0;
        if (m == 0.0 && (!any_unmatched || w > unmatched)) { /* max(): the first of the largest */
            unmatched = w;
            any_unmatched = 1;
        }
    }
    return Py_BuildValue("(NddO)", shares, covered, unmatched, full ? Py_True : Py_False);
}

static PyObject *covered_with(PyObject *self, PyObject *args) {
    PyObject *pairs, *weights, *shares, *more;
    if (!PyArg_ParseTuple(args, "O!O!O!O", &PyList_Type, &pairs, &PyList_Type, &weights, &PyList_Type,
                          &shares, &more))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(pairs);
    if (PyList_GET_SIZE(weights) != n || PyList_GET_SIZE(shares) != n) {
        PyErr_SetString(PyExc_ValueError, "a weight and a share a concept");
        return NULL;
    }
    if (check_sets(more, NULL) < 0) return NULL;
    double covered = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double o = share_of(PyList_GET_ITEM(pairs, i), more, NULL);
        double w = PyFloat_AsDouble(PyList_GET_ITEM(weights, i));
        double m = PyFloat_AsDouble(PyList_GET_ITEM(shares, i));
        if (o < 0.0 || PyErr_Occurred()) return NULL;
        covered += w * (m >= o ? m : o);
    }
    return PyFloat_FromDouble(covered);
}

static PyMethodDef methods[] = {
    {"coverage", coverage, METH_VARARGS, "A candidate's concept shares, coverage, unmatched weight, full."},
    {"covered_with", covered_with, METH_VARARGS, "The coverage of a candidate's terms and more together."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_match", NULL, -1, methods};

PyMODINIT_FUNC PyInit__match(void) { return PyModule_Create(&module); }
