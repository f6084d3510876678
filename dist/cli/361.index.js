export const id = 361;
export const ids = [361];
export const modules = {

/***/ 9361:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildCommand: () => (/* binding */ buildCommand)
/* harmony export */ });
/* harmony import */ var _report_console_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7243);
/* harmony import */ var _build_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(316);


async function buildCommand(io, opts) {
    const quiet = io.env['MAAND_QUIET'] === '1';
    const res = await (0,_build_index_js__WEBPACK_IMPORTED_MODULE_0__.build)({
        root: io.cwd,
        purgeJobKv: opts.purgeJobKv,
        // MAAND_TEST=1 (as for init): small leaf keys, so test suites do not spend a second per certificate.
        ...(io.env['MAAND_TEST'] === '1' ? { leafKeyBits: 1024 } : {}),
        env: io.env,
        onHookOutput: (l) => io.stderr.write(`${(0,_report_console_js__WEBPACK_IMPORTED_MODULE_1__/* .formatHookLine */ .p1)(l)}\n`),
        onEvent: (e) => {
            if (quiet)
                return;
            if (e.type === 'cert-generated')
                io.stderr.write(`certificate ${e.cert} generated for job ${e.job} (${e.workers.join(', ')})\n`);
            if (e.type === 'warning')
                io.stderr.write(`warning: ${e.message}\n`);
        },
    });
    if (quiet)
        return;
    const a = res.allocations;
    io.stdout.write(`build ok: ${res.workers} worker(s), ${res.jobs} job(s), ${a.active} active allocation(s)` +
        `${a.disabled ? `, ${a.disabled} disabled` : ''}${a.removed ? `, ${a.removed} removed` : ''}, ${res.kvChanges} KV change(s)\n`);
}


/***/ })

};
