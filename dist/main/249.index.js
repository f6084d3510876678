export const id = 249;
export const ids = [249];
export const modules = {

/***/ 16249:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DeploymentRecord: () => (/* binding */ DeploymentRecord),
/* harmony export */   deploymentRecordFor: () => (/* binding */ deploymentRecordFor),
/* harmony export */   recordEnd: () => (/* binding */ recordEnd)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63221);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19875);
// GitHub deployment records (input environment) of a run that changes workers: deploy, drift: correct.
// One deployment per run, with its in_progress status created before the first worker is touched, then
// success, failure or error (cancelled). Best effort: the first refused call is one warning, no further
// call is made, and the deploy itself goes on unaffected.



/** GitHub refuses status descriptions over 140 characters. */
const DESCRIPTION_MAX = 140;
class DeploymentRecord {
    #s;
    #log;
    #redact;
    #id;
    #refused = false;
    /** `redact` masks what the run masks in its log: a description quoting an error may quote a secret. */
    constructor(settings, log, redact = (t) => t) {
        this.#s = settings;
        this.#log = log;
        this.#redact = redact;
    }
    /** Creates the deployment and its in_progress status (once; later calls do nothing). */
    async start(payload, description) {
        if (this.#id !== undefined || this.#refused)
            return;
        await this.#attempt(async () => {
            const { octokit, owner, repo } = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .repoClient */ .y)(this.#s);
            const r = await octokit.rest.repos.createDeployment({
                owner, repo, ref: this.#s.ref, task: 'deploy', environment: this.#s.environment, auto_merge: false, required_contexts: [],
                payload: { ...payload }, description: clip(this.#redact(description)),
            });
            if (!('id' in r.data))
                throw new Error(`no deployment created: ${r.data.message ?? `HTTP ${r.status}`}`);
            this.#id = r.data.id;
            await this.#status('in_progress', description);
            this.#log.info(`deployment record: deployment ${r.data.id} in environment ${this.#s.environment} is in progress`);
        });
    }
    /** The final status of a started deployment (nothing when none was started). */
    async finish(state, description) {
        const id = this.#id;
        if (id === undefined)
            return;
        this.#id = undefined;
        await this.#attempt(async () => {
            await this.#status(state, description, id);
            this.#log.info(`deployment record: deployment ${id} in environment ${this.#s.environment}: ${state} (${clip(this.#redact(description))})`);
        });
    }
    async #status(state, description, id = this.#id) {
        const { octokit, owner, repo } = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .repoClient */ .y)(this.#s);
        await octokit.rest.repos.createDeploymentStatus({
            owner, repo, deployment_id: id, state, description: clip(this.#redact(description)),
            ...(this.#s.logUrl ? { log_url: this.#s.logUrl } : {}), ...(this.#s.environmentUrl ? { environment_url: this.#s.environmentUrl } : {}),
        });
    }
    async #attempt(call) {
        try {
            await call();
        }
        catch (e) {
            this.#refused = true;
            this.#id = undefined;
            const hint = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_2__/* .deniedByPermissions */ .x)(e) ? ' (the workflow needs permissions: deployments: write)' : '';
            this.#log.warning(`could not record the deployment in environment ${this.#s.environment}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(e)}${hint}; the deploy itself is not affected`);
        }
    }
}
/** The record of this run: with input environment, for the commands that change workers; else undefined. */
function deploymentRecordFor(config, env, log, redact) {
    if (!config.environment)
        return undefined;
    if (config.command !== 'deploy' && config.command !== 'rollback' && !(config.command === 'drift' && config.drift === 'correct')) {
        log.info(`deployment record: none for command ${config.command}${config.command === 'drift' ? ' with drift: report' : ''} (only deploy, rollback and drift: correct change workers)`);
        return undefined;
    }
    if (!config.githubToken) {
        log.warning(`environment ${config.environment.name}: github-token is empty; no deployment recorded (the deploy itself is not affected)`);
        return undefined;
    }
    const logUrl = (0,_env_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrl */ .V)(env);
    return new DeploymentRecord({
        token: config.githubToken, repository: env.repository, apiUrl: env.apiUrl, environment: config.environment.name, ref: env.sha,
        ...(config.environment.url ? { environmentUrl: config.environment.url } : {}), ...(logUrl ? { logUrl } : {}),
    }, log, redact);
}
/** The final state and description of a finished run: failed jobs named, "no changes" when nothing changed. */
function recordEnd(out) {
    if (out.cancelled)
        return { state: 'error', description: `cancelled: ${out.report.headline}` };
    if (out.failedJobs.length > 0)
        return { state: 'failure', description: `failed: ${out.failedJobs.join(', ')}` };
    if (out.report.verdict === 'failed')
        return { state: 'failure', description: out.report.headline };
    if (!out.changed)
        return { state: 'success', description: 'no changes' };
    const deployed = (out.result.deploy?.jobs ?? []).filter((j) => j.status === 'deployed').map((j) => j.job).sort();
    return { state: 'success', description: deployed.length > 0 ? `deployed ${deployed.join(', ')}` : out.report.headline };
}
function clip(text) {
    return text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;
}


/***/ }),

/***/ 19875:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ deniedByPermissions),
/* harmony export */   y: () => (/* binding */ repoClient)
/* harmony export */ });
async function repoClient(t) {
    const [owner, repo] = t.repository.split('/');
    if (!owner || !repo)
        throw new Error(`GITHUB_REPOSITORY ${JSON.stringify(t.repository)} is not owner/name`);
    // Loaded here: the REST client is only needed when the run talks to GitHub (keeps the cold start short).
    const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    return { octokit: getOctokit(t.token.reveal(), { baseUrl: t.apiUrl }), owner, repo };
}
/** 403 or 404 from the API: the token lacks the permission (GitHub answers 404 for what a token may not see). */
function deniedByPermissions(e) {
    const status = e?.status;
    return status === 403 || status === 404;
}


/***/ })

};
