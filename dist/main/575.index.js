export const id = 575;
export const ids = [575];
export const modules = {

/***/ 58575:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createStatePort: () => (/* binding */ createStatePort)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
// The action's view of the state bundle: restore the newest saved state into the bucket folder, save it
// after the run. Backed by src/state, loaded lazily: the cache and artifact clients are large and a run
// that fails on its inputs should not pay for loading them.


function createStatePort(config, env) {
    const backend = async () => {
        const state = await Promise.all(/* import() */[__webpack_require__.e(724), __webpack_require__.e(63)]).then(__webpack_require__.bind(__webpack_require__, 98063));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(env.runnerTemp, { recursive: true });
        const tempDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.runnerTemp, 'maand-state-'));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(tempDir, 0o700);
        const b = state.createBackend(config.state.backend, {
            name: config.state.name, runId: env.runId, runAttempt: env.runAttempt, workflowRunId: env.runId, tempDir, apiUrl: env.apiUrl,
            branch: config.state.branch, gitCwd: env.workspace,
            ...(env.repository ? { repository: env.repository } : {}),
            ...(config.githubToken ? { token: config.githubToken.reveal() } : {}),
        });
        return { state, b };
    };
    const key = () => config.state.key?.reveal();
    return {
        async restore(root) {
            const { state, b } = await backend();
            const r = await state.restoreState({ bucketRoot: root, key: key(), backend: b });
            if (!r.restored)
                return undefined;
            return { generation: r.generation, bucketId: r.bucketId ?? '', where: r.source ?? config.state.backend };
        },
        async save(root) {
            const { state, b } = await backend();
            const r = await state.saveState({ bucketRoot: root, key: key(), backend: b });
            if (!r.saved)
                throw new state.StateError('backend', `state not saved: ${r.reason ?? 'unknown reason'}`);
            return { generation: r.generation, where: r.location ?? config.state.backend };
        },
    };
}


/***/ })

};
