export const id = 492;
export const ids = [492];
export const modules = {

/***/ 1492:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createStatePort: () => (/* binding */ createStatePort)
/* harmony export */ });
function createStatePort(config, env) {
    void config;
    void env;
    const missing = () => {
        throw new Error('state port: not wired yet');
    };
    return { restore: async () => missing(), save: async () => missing() };
}


/***/ })

};
