import { A as e, C as t, D as n, E as r, O as i, S as a, T as o, _ as s, b as c, f as l, g as u, h as d, j as f, k as p, m, p as ee, r as te, v as ne, w as h, y as re } from "./net-builder-BAzDrsjC.js";
import { t as ie } from "./non-max-suppression-D-B_ITfR.js";
// src/engine/landmark-box.ts
function g(e) {
	let t = Infinity, n = Infinity, r = -Infinity, i = -Infinity;
	for (let a = 0; a < e.length; a += 2) {
		let o = e[a], s = e[a + 1];
		o < t && (t = o), o > r && (r = o), s < n && (n = s), s > i && (i = s);
	}
	return {
		cx: (t + r) / 2,
		cy: (n + i) / 2,
		width: r - t,
		height: i - n
	};
}
var ae = {
	dx: .0095,
	dy: -.1337,
	sw: .9841,
	sh: 1.2961
};
function _(e, t = ae) {
	let n = g(e), r = t.sw * n.width, i = t.sh * n.height, a = n.cx + t.dx * n.width, o = n.cy + t.dy * n.height;
	return {
		x: a - r / 2,
		y: o - i / 2,
		width: r,
		height: i
	};
}
// src/engine/gpu-context.ts
var oe = {
	maxStorageBuffersPerShaderStage: 8,
	maxComputeInvocationsPerWorkgroup: 256,
	maxComputeWorkgroupSizeX: 256,
	maxComputeWorkgroupSizeY: 256,
	maxStorageBufferBindingSize: 67108864,
	maxBufferSize: 67108864
}, se = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i;
function ce(e) {
	let { vendor: t, architecture: n, device: r, description: i, isFallbackAdapter: a } = e;
	return a || se.test([
		t,
		n,
		r,
		i
	].join(" "));
}
var v = class t {
	constructor(e, t, n, r) {
		this.gpu = e, this.options = t, this.adapter = n, this.device = r, this.pipelines = /* @__PURE__ */ new Map(), this.disposed = !1, this.simulatedLoss = !1, this.live = {
			buffers: 0,
			bufferBytes: 0,
			textures: 0
		}, this.watchLoss();
	}
	static async create(e = {}) {
		let n = t.api(e.gpu), { adapter: r, device: i } = await t.open(n, e.powerPreference);
		return new t(n, e, r, i);
	}
	static api(t) {
		let n = t ?? (typeof navigator < "u" ? navigator.gpu : void 0);
		if (!n) throw new e("no-webgpu-api", "WebGPU is not available: navigator.gpu is undefined.");
		return n;
	}
	static async open(t, n) {
		let r;
		try {
			r = await t.requestAdapter(n ? { powerPreference: n } : void 0);
		} catch (t) {
			throw new e("no-adapter", `WebGPU refused to provide a graphics adapter: ${String(t)}`);
		}
		if (!r) throw new e("no-adapter", "requestAdapter() returned null: no adapter is available (disabled or blocklisted).");
		let i = {};
		for (let [t, n] of Object.entries(oe)) {
			let a = r.limits[t];
			if (a === void 0) continue;
			let o = t === "maxStorageBufferBindingSize" || t === "maxBufferSize";
			if (!o && a < n) throw new e("limits-too-low", `The adapter's ${t} is ${a}; the kernels need ${n}.`);
			i[t] = o ? a : n;
		}
		let a = [];
		r.features.has("timestamp-query") && a.push("timestamp-query"), r.features.has("subgroups") && a.push("subgroups");
		try {
			let e = await r.requestDevice({
				requiredLimits: i,
				requiredFeatures: a,
				label: "faceprint"
			});
			return {
				adapter: r,
				device: e
			};
		} catch (t) {
			throw new e("device-failed", `Could not open the graphics device: ${String(t)}`);
		}
	}
	watchLoss() {
		let n = this.device;
		n.lost.then(async (r) => {
			if (!(this.disposed || n !== this.device) && (r.reason !== "destroyed" || this.simulatedLoss) && (this.simulatedLoss = !1, this.options.onDeviceLost?.(r) !== "give-up")) try {
				let { adapter: e, device: n } = await t.open(this.gpu, this.options.powerPreference);
				if (this.disposed) {
					n.destroy();
					return;
				}
				this.adapter = e, this.device = n, this.pipelines.clear(), this.live = {
					buffers: 0,
					bufferBytes: 0,
					textures: 0
				}, this.watchLoss(), this.options.onDeviceRecreated?.(this);
			} catch (t) {
				let n = t instanceof e ? t : new e("device-failed", `The graphics device was lost: ${r.message}`);
				this.options.onDeviceUnrecoverable?.(n);
			}
		});
	}
	describeAdapter() {
		let e = this.adapter.info, t = {
			vendor: e?.vendor ?? "",
			architecture: e?.architecture ?? "",
			device: e?.device ?? "",
			description: e?.description ?? "",
			isFallbackAdapter: !!(e?.isFallbackAdapter ?? this.adapter.isFallbackAdapter)
		};
		return {
			...t,
			software: ce(t),
			features: [...this.adapter.features].sort()
		};
	}
	get software() {
		return this.describeAdapter().software;
	}
	get fixedSubgroupSize() {
		if (!this.device.features.has("subgroups")) return;
		let { subgroupMinSize: e, subgroupMaxSize: t } = this.adapter.info ?? {};
		return e !== void 0 && e === t ? e : void 0;
	}
	get limits() {
		return this.device.limits;
	}
	pipeline(e, t, n = {}) {
		let r = `${e}|${Object.entries(n).sort(([e], [t]) => e.localeCompare(t)).map(([e, t]) => `${e}=${t}`).join(",")}`, i = this.pipelines.get(r);
		if (!i) {
			let a = this.device.createShaderModule({
				code: t,
				label: e
			});
			i = this.device.createComputePipeline({
				layout: "auto",
				compute: {
					module: a,
					entryPoint: "main",
					constants: n
				},
				label: r
			}), this.pipelines.set(r, i);
		}
		return i;
	}
	createBuffer(e) {
		return this.counted(this.device.createBuffer(e), "buffers", e.size);
	}
	createTexture(e) {
		return this.counted(this.device.createTexture(e), "textures", 0);
	}
	counted(e, t, n) {
		let r = this.live;
		r[t]++, r.bufferBytes += n;
		let i = e.destroy.bind(e), a = !1;
		return e.destroy = () => (a || (a = !0, r[t]--, r.bufferBytes -= n), i()), e;
	}
	get resources() {
		return { ...this.live };
	}
	loseDevice() {
		this.simulatedLoss = !0, this.device.destroy();
	}
	async checked(e, t) {
		this.device.pushErrorScope("out-of-memory"), this.device.pushErrorScope("validation");
		let n;
		try {
			n = {
				ok: !0,
				value: t()
			};
		} catch (e) {
			n = {
				ok: !1,
				error: e
			};
		}
		let i = await this.device.popErrorScope(), a = await this.device.popErrorScope(), o = i ?? a;
		if (o) {
			let t = i ? "validation" : "out-of-memory";
			throw new r(`gpu-${t}`, `${e}: WebGPU ${t} error: ${o.message}`);
		}
		if (!n.ok) throw n.error;
		return n.value;
	}
	get pipelineCount() {
		return this.pipelines.size;
	}
	dispose() {
		this.disposed = !0, this.pipelines.clear(), this.device.destroy();
	}
}, y = {
	faceApi: {
		mean: [
			122.782,
			117.001,
			104.298
		],
		scale: 1 / 255
	},
	tinyFaceDetector: {
		mean: [
			117.001,
			114.697,
			97.404
		],
		scale: 1 / 255
	},
	ssdMobilenet: {
		mean: 127.5,
		scale: 1 / 127.5
	},
	raw: {
		mean: 0,
		scale: 1
	}
}, b = (e) => typeof e == "number" ? [
	e,
	e,
	e
] : e, x = "@vladmandic/face-api@1.7.15";
// src/engine/networks/network.ts
function S(e, t, n) {
	return e.subarray(t * n, (t + 1) * n);
}
function le(e, t) {
	if (e.length !== t.length) throw RangeError(`distance: vectors of length ${e.length} and ${t.length}`);
	let n = 0;
	for (let r = 0; r < e.length; r++) n += (e[r] - t[r]) ** 2;
	return Math.sqrt(n);
}
// src/engine/networks/dlib-resnet.ts
var ue = 128, de = {
	kind: "embedding",
	id: "face_recognition",
	source: x,
	files: {
		manifest: {
			name: "face_recognition_model-weights_manifest.json",
			bytes: 19615,
			sha256: "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b"
		},
		shards: [{
			name: "face_recognition_model.bin",
			bytes: 6444032,
			sha256: "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589"
		}]
	},
	inputSize: 150,
	normalise: y.faceApi,
	modelId: `${x}/dlib_face_recognition_resnet_model_v1`,
	vectorLength: ue,
	distance: le,
	async load() {
		let e = await import("./recognition-net-DvFB-isn.js");
		return (t, n) => {
			let r = e.uploadRecognitionWeights(t, n);
			return {
				buildRun: (n) => e.buildRecognitionRun(t, r, n),
				decode: ([e], t) => S(e, t, ue),
				destroy: () => e.destroyRecognitionWeights(r)
			};
		};
	}
}, fe = {
	kind: "landmarks",
	id: "face_landmark_68",
	source: x,
	files: {
		manifest: {
			name: "face_landmark_68_model-weights_manifest.json",
			bytes: 8485,
			sha256: "ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9"
		},
		shards: [{
			name: "face_landmark_68_model.bin",
			bytes: 356840,
			sha256: "4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b"
		}]
	},
	inputSize: 112,
	normalise: y.faceApi,
	pointCount: 68,
	async load() {
		let e = await import("./landmark-net-DT_E8m5Y.js");
		return (t, n) => {
			let r = e.uploadLandmarkWeights(t, n);
			return {
				buildRun: (n) => e.buildLandmarkRun(t, r, n),
				decode: ([e], t) => S(e, t, 136),
				destroy: () => e.destroyLandmarkWeights(r)
			};
		};
	}
}, pe = {
	kind: "detector",
	id: "ssd_mobilenetv1",
	source: x,
	files: {
		manifest: {
			name: "ssd_mobilenetv1_model-weights_manifest.json",
			bytes: 28233,
			sha256: "888f744dffbc84f5f060d1f8427d9742341943a2dfaaf9205d10029b7e7a2955"
		},
		shards: [{
			name: "ssd_mobilenetv1_model.bin",
			bytes: 5616957,
			sha256: "2835640602d53718aa6ae9a42896327eaa21beefed056c218d32ca7d79e1e2f8"
		}]
	},
	inputSize: 512,
	normalise: y.ssdMobilenet,
	defaults: {
		minConfidence: .5,
		iouThreshold: .5
	},
	async load() {
		let e = await import("./ssd-mobilenet-v1-dFVoB-Jw.js");
		return (t, n) => {
			let r = e.uploadSsdWeights(t, n);
			return {
				buildRun: (n) => e.buildSsdRun(t, r, n),
				decode: ([t, n], i, a) => e.decodeSsd(e.batchSlice(t, i, e.SSD_ANCHOR_COUNT, e.SSD_BOX_SIZE), e.batchSlice(n, i, e.SSD_ANCHOR_COUNT, e.SSD_CLASS_COUNT), r.anchors, a),
				destroy: () => e.destroySsdWeights(r)
			};
		};
	}
}, C = 416, w = [
	{
		kind: "detector",
		id: "tiny_face_detector",
		source: x,
		files: {
			manifest: {
				name: "tiny_face_detector_model-weights_manifest.json",
				bytes: 3219,
				sha256: "5d1af4849ac48d5b985f4a9b16010c512353ddd6fcc63d50fd0bc9e9e64296e5"
			},
			shards: [{
				name: "tiny_face_detector_model.bin",
				bytes: 193321,
				sha256: "b7503ce7df31039b1c43316a9b865cab6a70dd748cc602d3fa28b551503c3871"
			}]
		},
		inputSize: C,
		normalise: y.tinyFaceDetector,
		defaults: {
			minConfidence: .5,
			iouThreshold: .4
		},
		async load() {
			let e = await import("./tiny-face-detector-C8sRyOlB.js"), t = (C / 32) ** 2 * e.TINY_ANCHORS.length * 5;
			return (n, r) => {
				let i = e.uploadTinyFaceDetectorWeights(n, r);
				return {
					buildRun: (t) => e.buildTinyFaceDetectorRun(n, i, C, t),
					decode: ([n], r, i) => e.decodeTinyFaceDetector(S(n, r, t), C, {
						scoreThreshold: i.minConfidence,
						iouThreshold: i.iouThreshold
					}),
					destroy: () => e.destroyTinyFaceDetectorWeights(i)
				};
			};
		}
	},
	pe,
	fe,
	de
], T = {
	detector: "ssd_mobilenetv1",
	landmarks: "face_landmark_68",
	embedding: "face_recognition"
};
function me(e) {
	let t = w.find((t) => t.id === e);
	if (!t) throw RangeError(`No network "${e}"; known: ${w.map((e) => e.id).join(", ")}`);
	return t;
}
function E(e, t) {
	let n = me(e);
	if (n.kind !== t) throw RangeError(`Network "${e}" is a ${n.kind} network, not a ${t} one`);
	return n;
}
var he = (e) => E(e, "detector"), ge = (e) => E(e, "landmarks"), _e = (e) => E(e, "embedding");
// src/engine/nets/detection.ts
function D(e, t, n) {
	return e.x <= t && t <= e.x + e.width && e.y <= n && n <= e.y + e.height;
}
function ve(e, t, n) {
	if (!(e > 0 && t > 0 && n > 0)) throw Error(`squarePadding: invalid sizes ${e}x${t} -> ${n}`);
	let r = n / Math.max(e, t);
	return {
		padX: n / Math.round(e * r),
		padY: n / Math.round(t * r)
	};
}
function ye(e, t, n, r) {
	let { padX: i, padY: a } = ve(t, n, r), { x: o, y: s, width: c, height: l } = e.box, u = o * i, d = s * a, f = (o + c) * i, p = (s + l) * a;
	return {
		box: {
			x: u * t,
			y: d * n,
			width: (f - u) * t,
			height: (p - d) * n
		},
		score: e.score
	};
}
// src/engine/face-geometry.ts
var be = [36, 41], xe = [42, 47], Se = [48, 67], Ce = .45, we = .5, Te = .43, Ee = .25, De = 0xe8d4a51000;
function O(e, t, n) {
	let r = Math.max(e.x, 0), i = Math.max(e.y, 0), a = Math.min(e.x + e.width - r, t - r), o = Math.min(e.y + e.height - i, n - i);
	return {
		x: Math.floor(r),
		y: Math.floor(i),
		width: Math.max(1, Math.floor(a)),
		height: Math.max(1, Math.floor(o))
	};
}
function Oe(e, t, n) {
	let r = Math.max(t.width, t.height), i = t.width < t.height ? (t.height - t.width) / 2 : 0, a = t.height < t.width ? (t.width - t.height) / 2 : 0, o = new Float32Array(e.length);
	for (let t = 0; t < e.length; t += 2) o[t] = n.x + e[t] * r - i, o[t + 1] = n.y + e[t + 1] * r - a;
	return o;
}
function ke(e) {
	return Array.from({ length: e.length / 2 }, (t, n) => [e[2 * n], e[2 * n + 1]]);
}
function k(e, [t, n]) {
	let r = 0, i = 0;
	for (let a = t; a <= n; a++) r += e[2 * a], i += e[2 * a + 1];
	let a = n - t + 1;
	return [r / a, i / a];
}
function Ae(e, t, n) {
	let r = k(e, be), i = k(e, xe), a = k(e, Se), o = (e, t) => Math.hypot(e[0] - t[0], e[1] - t[1]), s = (o(a, r) + o(a, i)) / 2, c = Math.floor(s / Ce), l = [(r[0] + i[0] + a[0]) / 3, (r[1] + i[1] + a[1]) / 3], u = Math.floor(Math.max(0, l[0] - we * c)), d = Math.floor(Math.max(0, l[1] - Te * c));
	return {
		x: u,
		y: d,
		width: Math.min(c, t + u),
		height: Math.min(c, n + d)
	};
}
function je(e, t, n) {
	let r = t / 2, i = n / 2, a = Math.hypot(t, n) / 2, o = (e) => {
		let t = D(e, r, i), n = Math.hypot(e.x + e.width / 2 - r, e.y + e.height / 2 - i) / a;
		return (t ? De : 0) + e.width * e.height * (1 - Math.min(1, n)) ** 2;
	};
	return e.map((e, t) => [o(e), t]).sort((e, t) => t[0] - e[0]).map(([, e]) => e);
}
// src/engine/frame-texture.ts
var Me = "rgba8unorm", Ne = () => GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST | GPUTextureUsage.RENDER_ATTACHMENT;
function Pe(e, t, r, i = "frame") {
	if (!(t >= 1 && r >= 1) || !Number.isInteger(t) || !Number.isInteger(r)) throw new n(`${i}: invalid frame size ${t}x${r}`);
	let a = e.limits.maxTextureDimension2D;
	if (t > a || r > a) throw new n(`${i}: frame ${t}x${r} exceeds the device's texture limit ${a}`);
	return e.createTexture({
		size: [t, r],
		format: Me,
		usage: Ne(),
		label: i
	});
}
function Fe(e, t, r) {
	let { width: i, height: a, data: o } = r, s = r.bytesPerRow ?? i * 4;
	if (s < i * 4) throw new n(`frame: bytesPerRow ${s} < width*4 (${i * 4})`);
	let c = s * (a - 1) + i * 4;
	if (o.length < c) throw new n(`frame: ${o.length} bytes for a ${i}x${a} RGBA image (${c} needed)`);
	if (i > t.width || a > t.height) throw new n(`frame: ${i}x${a} image does not fit the ${t.width}x${t.height} texture`);
	e.device.queue.writeTexture({ texture: t }, o, {
		bytesPerRow: s,
		rowsPerImage: a
	}, {
		width: i,
		height: a
	});
}
function Ie(e) {
	return "displayWidth" in e ? {
		width: e.displayWidth,
		height: e.displayHeight
	} : "videoWidth" in e ? {
		width: e.videoWidth,
		height: e.videoHeight
	} : "naturalWidth" in e ? {
		width: e.naturalWidth,
		height: e.naturalHeight
	} : {
		width: e.width,
		height: e.height
	};
}
var Le = class {
	constructor(e, t = "frame") {
		this.context = e, this.label = t, this.generation = 0;
	}
	get current() {
		return this.texture;
	}
	ensure(e, t) {
		let n = this.texture;
		return n && this.device === this.context.device && n.width === e && n.height === t ? n : (n?.destroy(), this.texture = Pe(this.context, e, t, this.label), this.device = this.context.device, this.generation++, this.texture);
	}
	uploadRgba(e) {
		let t = this.ensure(e.width, e.height);
		return Fe(this.context, t, e), t;
	}
	uploadExternal(e) {
		let { width: t, height: n } = Ie(e), r = this.ensure(t, n);
		return this.context.device.queue.copyExternalImageToTexture({
			source: e,
			flipY: !1
		}, {
			texture: r,
			colorSpace: "srgb",
			premultipliedAlpha: !1
		}, {
			width: t,
			height: n
		}), r;
	}
	destroy() {
		this.texture?.destroy(), this.texture = void 0, this.device = void 0;
	}
}, Re = class {
	constructor(e, t, n) {
		this.tensor = t, this.bytes = u(t.shape) * 4, this.staging = e.createBuffer({
			size: Math.ceil(this.bytes / 16) * 16,
			usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
			label: `${n}.readback`
		});
	}
	record(e) {
		e.copyBufferToBuffer(this.tensor.buffer, 0, this.staging, 0, this.staging.size);
	}
	async read() {
		await this.staging.mapAsync(GPUMapMode.READ);
		try {
			return new Float32Array(this.staging.getMappedRange(0, this.bytes).slice(0));
		} finally {
			this.staging.unmap();
		}
	}
	destroy() {
		this.staging.destroy();
	}
};
// src/engine/stages/network-stage.ts
function ze(e) {
	let t = 1;
	for (; t < e;) t *= 2;
	return t;
}
var A = class {
	constructor(e, t, n, r) {
		this.context = e, this.label = t, this.network = n, this.inputs = r, this.runs = /* @__PURE__ */ new Map();
	}
	slot(e, t) {
		return {
			input: this.at(e).run.input,
			slot: t,
			label: `${this.label}×${e}[${t}]`
		};
	}
	async execute(e, t) {
		let { run: n, readbacks: r } = this.at(e), i = this.context.device.createCommandEncoder({ label: `${this.label}×${e}` });
		re(i, [...t, ...n.dispatches], n.label);
		for (let e of r) e.record(i);
		return this.context.device.queue.submit([i.finish()]), Promise.all(r.map((e) => e.read()));
	}
	async inBatches(e, t, n) {
		let r = [];
		for (let i = 0; i < e.length; i += t) {
			let a = e.slice(i, i + t);
			r.push(...await n(a, ze(a.length)));
		}
		return r;
	}
	prime(e = 1) {
		let { run: t } = this.at(e);
		a(this.context, t.dispatches.map((e) => ({
			...e,
			workgroups: [
				1,
				1,
				1
			]
		})), `${this.label}×${e} prime`);
	}
	destroy() {
		for (let e of this.runs.values()) {
			te(e.run);
			for (let t of e.readbacks) t.destroy();
		}
		this.runs.clear(), this.network.destroy();
	}
	at(e) {
		let t = this.runs.get(e);
		if (!t) {
			let n = this.network.buildRun(e);
			t = {
				run: n,
				readbacks: n.outputs.map((t, n) => new Re(this.context, t, `${this.label}×${e}.out${n}`))
			}, this.runs.set(e, t);
		}
		return t;
	}
}, Be = "adaptive", Ve = class e extends A {
	constructor(e, t, n, r, i) {
		super(e, t.id, n, r), this.descriptor = t, this.options = {
			...t.defaults,
			views: Be,
			...i
		};
	}
	static create(t, n, r, i, a, o = {}) {
		return new e(t, n, r(t, i), a, o);
	}
	get batchForViews() {
		return this.options.views === "both" ? 2 : 1;
	}
	prime() {
		super.prime(this.batchForViews);
	}
	async detect(e) {
		let { width: t, height: n } = e, r = Math.max(t, n), i = 2 * r, a = {
			kind: "face-api",
			width: r,
			height: r,
			padLeft: 0,
			padTop: 0
		}, o = {
			kind: "zoomed-out",
			width: i,
			height: i,
			padLeft: Math.round((i - t) / 2),
			padTop: Math.round((i - n) / 2)
		};
		switch (this.options.views) {
			case "frame": return this.run(e, [a]);
			case "both": return this.merge(await this.run(e, [a, o]));
			case "adaptive": {
				let r = await this.run(e, [a]);
				return r.some(({ box: e }) => D(e, t / 2, n / 2)) ? r : this.merge([...r, ...await this.run(e, [o])]);
			}
		}
	}
	async run(e, t) {
		let n = t.length, { normalise: r, inputSize: i } = this.descriptor, a = t.map(({ kind: t, ...i }, a) => this.inputs.crop(e, this.slot(n, a), {
			canvas: i,
			normalise: r,
			flip: !1
		})), o = await this.execute(n, a);
		return t.flatMap((t, n) => this.network.decode(o, n, this.options).map((n) => {
			if (t.kind === "face-api") return ye(n, e.width, e.height, i);
			let { x: r, y: a, width: o, height: s } = n.box;
			return {
				score: n.score,
				box: {
					x: r * t.width - t.padLeft,
					y: a * t.height - t.padTop,
					width: o * t.width,
					height: s * t.height
				}
			};
		}));
	}
	merge(e) {
		return ie(e.map((e) => e.box), e.map((e) => e.score), this.options.iouThreshold).map((t) => e[t]);
	}
};
// src/engine/alignment.ts
function j(e, [t, n]) {
	return [e[0] * t + e[1] * n + e[2], e[3] * t + e[4] * n + e[5]];
}
function He(e, t) {
	return [
		e[0] * t[0] + e[1] * t[3],
		e[0] * t[1] + e[1] * t[4],
		e[0] * t[2] + e[1] * t[5] + e[2],
		e[3] * t[0] + e[4] * t[3],
		e[3] * t[1] + e[4] * t[4],
		e[3] * t[2] + e[4] * t[5] + e[5]
	];
}
function Ue(e, t) {
	return He(e, [
		-1,
		0,
		t - 1,
		0,
		1,
		0
	]);
}
function We(e, t) {
	if (e.length !== t.length || e.length < 2) throw Error(`findSimilarityTransform: need two equally long lists of >= 2 points (${e.length}, ${t.length})`);
	let n = e.length, r = 0, i = 0, a = 0, o = 0;
	for (let s = 0; s < n; s++) r += e[s][0], i += e[s][1], a += t[s][0], o += t[s][1];
	r /= n, i /= n, a /= n, o /= n;
	let s = 0, c = 0, l = 0;
	for (let u = 0; u < n; u++) {
		let n = e[u][0] - r, d = e[u][1] - i, f = t[u][0] - a, p = t[u][1] - o;
		s += n * n + d * d, c += n * f + d * p, l += n * p - d * f;
	}
	if (s === 0) throw Error("findSimilarityTransform: the source points all coincide");
	let u = c / s, d = l / s;
	return [
		u,
		-d,
		a - (u * r - d * i),
		d,
		u,
		o - (d * r + u * i)
	];
}
var Ge = [
	213256e-9,
	.0752622,
	.18113,
	.29077,
	.393397,
	.586856,
	.689483,
	.799124,
	.904991,
	.98004,
	.490127,
	.490127,
	.490127,
	.490127,
	.36688,
	.426036,
	.490127,
	.554217,
	.613373,
	.121737,
	.187122,
	.265825,
	.334606,
	.260918,
	.182743,
	.645647,
	.714428,
	.793132,
	.858516,
	.79751,
	.719335,
	.254149,
	.340985,
	.428858,
	.490127,
	.551395,
	.639268,
	.726104,
	.642159,
	.556721,
	.490127,
	.423532,
	.338094,
	.290379,
	.428096,
	.490127,
	.552157,
	.689874,
	.553364,
	.490127,
	.42689
], Ke = [
	.106454,
	.038915,
	.0187482,
	.0344891,
	.0773906,
	.0773906,
	.0344891,
	.0187482,
	.038915,
	.106454,
	.203352,
	.307009,
	.409805,
	.515625,
	.587326,
	.609345,
	.628106,
	.609345,
	.587326,
	.216423,
	.178758,
	.179852,
	.231733,
	.245099,
	.244077,
	.231733,
	.179852,
	.178758,
	.216423,
	.244077,
	.245099,
	.780233,
	.745405,
	.727388,
	.742578,
	.727388,
	.745405,
	.780233,
	.864805,
	.902192,
	.909281,
	.902192,
	.864805,
	.784792,
	.778746,
	.785343,
	.778746,
	.784792,
	.824182,
	.831803,
	.824182
], M = Array.from({ length: 51 }, (e, t) => t + 17).filter((e) => !(e <= 26 || e >= 55 && e <= 59 || e >= 65));
function qe(e, t, n) {
	let r = e - 17;
	return [(n + Ge[r]) / (2 * n + 1) * t, (n + Ke[r]) / (2 * n + 1) * t];
}
function Je(e, t = 150, n = .25) {
	if (e.length !== 68) throw Error(`getFaceChipDetails: need 68 landmarks, got ${e.length}`);
	if (!(n >= 0) || !(Number.isInteger(t) && t >= 2)) throw Error(`getFaceChipDetails: invalid size ${t} or padding ${n}`);
	let r = We(M.map((e) => qe(e, t, n)), M.map((t) => e[t])), i = Math.atan2(r[3], r[0]), a = Math.hypot(r[0], r[3]), [o, s] = j(r, [t / 2, t / 2]), c = (t * a - 1) / (t - 1), l = Math.cos(i) * c, u = Math.sin(i) * c, d = (t - 1) / 2;
	return {
		matrix: r,
		dlibExtractMatrix: [
			l,
			-u,
			o - (l * d - u * d),
			u,
			l,
			s - (u * d + l * d)
		],
		size: t,
		angle: i,
		scale: a
	};
}
// shaders/image-to-tensor.wgsl?raw
var Ye = "// image-to-tensor: RGBA8 frame -> normalised float NHWC, with crop, zero pad, bilinear resize and an\n// optional horizontal flip fused in one pass. Matches tf.image.resizeBilinear(x, [outH,outW],\n// alignCorners=false, halfPixelCenters=false) applied to the cropped and padded image.\n//\n// Layout: frame is an rgba8unorm texture, texel (x,y) = column x, row y; alpha is ignored. Texels are\n//         read with textureLoad and turned back into their byte values 0..255 (round(t*255)).\n//         Output NHWC f32 [B,outH,outW,3]; one dispatch writes image `batch` only.\n// Virtual source: a srcW x srcH canvas of zeros with the crop (cropX,cropY,cropW,cropH, integer\n//         pixels of the frame) placed with its top-left corner at (padLeft,padTop). Crop pixels that\n//         fall outside the frame read 0, like the canvas around the crop.\n// Resize: output (oy,ox) reads source y = oy*srcH/outH, x = ox*srcW/outW; y0 = floor(y),\n//         y1 = min(y0+1, srcH-1), fy = y - y0 (the same for x). top = a + (b-a)*fx, bottom likewise,\n//         v = top + (bottom-top)*fy. The floor is taken in integers (oy*srcH / outH), so it is exact.\n// Normalise: out[c] = (v[c] - mean[c]) * scale[c].\n// Flip: flip != 0 stores column ox from what column outW-1-ox would hold (tf.image.flipLeftRight).\n// Bindings: 0 frame (texture_2d<f32>), 1 output, 2 uniforms.\n// Grid: x = output column, y = output row; one thread per output pixel writes its 3 channels.\n// Overrides: WG_X * WG_Y threads per workgroup.\n\nstruct Params {\n  outH: u32, outW: u32, srcH: u32, srcW: u32,\n  cropX: i32, cropY: i32, cropW: i32, cropH: i32,\n  padTop: i32, padLeft: i32, batch: u32, flip: u32,\n  mean: vec4<f32>,\n  scale: vec4<f32>,\n}\n\n@group(0) @binding(0) var frame: texture_2d<f32>;\n@group(0) @binding(1) var<storage, read_write> output: array<f32>;\n@group(0) @binding(2) var<uniform> p: Params;\n\noverride WG_X: u32 = 8u;\noverride WG_Y: u32 = 8u;\n\n// Byte values of the virtual source pixel (sx,sy): zero on the canvas, outside the crop or the frame.\nfn source(sx: i32, sy: i32) -> vec3<f32> {\n  let cx = sx - p.padLeft;\n  let cy = sy - p.padTop;\n  if (cx < 0 || cy < 0 || cx >= p.cropW || cy >= p.cropH) { return vec3<f32>(0.0); }\n  let fx = p.cropX + cx;\n  let fy = p.cropY + cy;\n  let size = vec2<i32>(textureDimensions(frame));\n  if (fx < 0 || fy < 0 || fx >= size.x || fy >= size.y) { return vec3<f32>(0.0); }\n  return round(textureLoad(frame, vec2<i32>(fx, fy), 0).rgb * 255.0);\n}\n\n@compute @workgroup_size(WG_X, WG_Y)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>) {\n  let ox = gid.x;\n  let oy = gid.y;\n  if (ox >= p.outW || oy >= p.outH) { return; }\n  var sxOut = ox;\n  if (p.flip != 0u) { sxOut = p.outW - 1u - ox; }\n\n  let yNum = oy * p.srcH;\n  let xNum = sxOut * p.srcW;\n  let y0 = yNum / p.outH;\n  let x0 = xNum / p.outW;\n  let fy = f32(yNum % p.outH) / f32(p.outH);\n  let fx = f32(xNum % p.outW) / f32(p.outW);\n  let y1 = min(y0 + 1u, p.srcH - 1u);\n  let x1 = min(x0 + 1u, p.srcW - 1u);\n\n  let a = source(i32(x0), i32(y0));\n  let b = source(i32(x1), i32(y0));\n  let c = source(i32(x0), i32(y1));\n  let d = source(i32(x1), i32(y1));\n  let top = a + (b - a) * fx;\n  let bottom = c + (d - c) * fx;\n  let v = (top + (bottom - top) * fy - p.mean.xyz) * p.scale.xyz;\n\n  let base = ((p.batch * p.outH + oy) * p.outW + ox) * 3u;\n  output[base] = v.x;\n  output[base + 1u] = v.y;\n  output[base + 2u] = v.z;\n}\n";
// src/engine/kernels/image-to-tensor.ts
function N(e, t, n) {
	let r = Math.max(e, t), i = r - Math.min(e, t), a = n === "centred" ? i - Math.round(i * .5) : 0;
	return {
		width: r,
		height: r,
		padLeft: e < t ? a : 0,
		padTop: t < e ? a : 0
	};
}
var P = (e) => Number.isInteger(e);
function F(e, t, n, r = "image-to-tensor") {
	let { outH: i, outW: a } = n, o = n.crop ?? {
		x: 0,
		y: 0,
		width: e,
		height: t
	}, s = n.canvas ?? {
		width: o.width,
		height: o.height,
		padLeft: 0,
		padTop: 0
	};
	if (!(i >= 1 && a >= 1 && P(i) && P(a))) throw Error(`${r}: invalid output size ${a}x${i}`);
	if (![
		o.x,
		o.y,
		o.width,
		o.height
	].every(P) || o.width < 1 || o.height < 1) throw Error(`${r}: the crop must be a non-empty integer rectangle, got ${JSON.stringify(o)}`);
	if (![
		s.width,
		s.height,
		s.padLeft,
		s.padTop
	].every(P) || s.width < 1 || s.height < 1) throw Error(`${r}: the canvas must be a non-empty integer size and offset, got ${JSON.stringify(s)}`);
	return {
		outH: i,
		outW: a,
		crop: o,
		canvas: s,
		mean: b(n.normalise.mean),
		scale: b(n.normalise.scale),
		flip: n.flip ?? !1
	};
}
var I = 8, L = 8, R = ee("image-to-tensor.wgsl", "Params", {
	outH: "u32",
	outW: "u32",
	srcH: "u32",
	srcW: "u32",
	cropX: "i32",
	cropY: "i32",
	cropW: "i32",
	cropH: "i32",
	padTop: "i32",
	padLeft: "i32",
	batch: "u32",
	flip: "u32",
	mean: "vec4<f32>",
	scale: "vec4<f32>"
});
function z(e, t) {
	return {
		outH: e.outH,
		outW: e.outW,
		srcH: e.canvas.height,
		srcW: e.canvas.width,
		cropX: e.crop.x,
		cropY: e.crop.y,
		cropW: e.crop.width,
		cropH: e.crop.height,
		padTop: e.canvas.padTop,
		padLeft: e.canvas.padLeft,
		batch: t,
		flip: +!!e.flip,
		mean: e.mean,
		scale: e.scale
	};
}
function B(e, t, n, r, i, a) {
	let o = r ?? d(e, [
		1,
		t,
		n,
		3
	], `${a}.out`), [s, c, l, f] = o.shape;
	if (o.shape.length !== 4 || c !== t || l !== n || f !== 3 || u(o.shape) === 0) throw Error(`${a}: output [${o.shape}] is not [B,${t},${n},3]`);
	if (!(P(i) && i >= 0 && i < s)) throw Error(`${a}: batch index ${i} outside the output's batch of ${s}`);
	return o;
}
function Xe(e, t, n) {
	let r = n.label ?? "image-to-tensor", i = n.batchIndex ?? 0, a = F(t.width, t.height, n, r), o = B(e, a.outH, a.outW, n.output, i, r), s = e.pipeline("image-to-tensor", Ye, {
		WG_X: I,
		WG_Y: L
	}), c = l(e, R, z(a, i), `${r}.uniforms`);
	return {
		output: o,
		dispatch: V(e, r, s, t, o, c, [I, L]),
		update: (n) => {
			let o = F(t.width, t.height, {
				outH: a.outH,
				outW: a.outW,
				...n
			}, r);
			m(e, c, R, z(o, i));
		}
	};
}
function V(e, t, n, r, i, a, [o, l]) {
	let [, u, d] = i.shape;
	return {
		label: t,
		pipeline: n,
		bindGroup: s(e, n, [
			r.createView(),
			{ buffer: i.buffer },
			{ buffer: a }
		], t),
		workgroups: [
			c(e, d, o),
			c(e, u, l),
			1
		],
		owned: [a]
	};
}
// src/engine/stages/embedding-stage.ts
var Ze = class e extends A {
	constructor(e, t, n, r, i) {
		super(e, t.id, n, r), this.descriptor = t, this.maxBatch = i;
	}
	static create(t, n, r, i, a, o) {
		return new e(t, n, r(t, i), a, o);
	}
	embed(e, t, n = {}) {
		let r = n.flip ? 2 : 1, i = n.alignment ?? "dlib-chip", { vectorLength: a } = this.descriptor;
		return this.inBatches(t, Math.max(1, Math.floor(this.maxBatch / r)), async (t, n) => {
			let o = n * r, s = t.flatMap((t, n) => Array.from({ length: r }, (a, s) => this.prepare(e, this.slot(o, n * r + s), t, i, s === 1))), c = await this.execute(o, s);
			return t.map((e, t) => {
				let n = new Float32Array(a);
				for (let e = 0; e < r; e++) {
					let i = this.network.decode(c, t * r + e);
					for (let e = 0; e < a; e++) n[e] += i[e] / r;
				}
				return n;
			});
		});
	}
	prepare(e, t, n, r, i) {
		let { inputSize: a, normalise: o } = this.descriptor;
		if (r === "dlib-chip") {
			let r = Je(ke(n.landmarks), a, Ee).matrix;
			return this.inputs.chip(e, t, {
				matrix: r,
				normalise: o,
				flip: i
			});
		}
		let s = O(Ae(n.landmarks, e.width, e.height), e.width, e.height);
		return this.inputs.crop(e, t, {
			crop: s,
			canvas: N(s.width, s.height, "centred"),
			normalise: o,
			flip: i
		});
	}
}, Qe = class e extends A {
	constructor(e, t, n, r, i) {
		super(e, t.id, n, r), this.descriptor = t, this.maxBatch = i;
	}
	static create(t, n, r, i, a, o) {
		return new e(t, n, r(t, i), a, o);
	}
	landmarks(e, t) {
		let { normalise: n } = this.descriptor;
		return this.inBatches(t, this.maxBatch, async (t, r) => {
			let i = t.map((t) => O(t, e.width, e.height)), a = i.map((t, i) => this.inputs.crop(e, this.slot(r, i), {
				crop: t,
				canvas: N(t.width, t.height, "centred"),
				normalise: n,
				flip: !1
			})), o = await this.execute(r, a);
			return i.map((e, n) => Oe(this.network.decode(o, n), e, t[n]));
		});
	}
}, $e = "// similarity-warp: RGBA8 frame -> normalised float NHWC through a 2x3 affine map (the dlib face chip).\n//\n// Layout: frame is an rgba8unorm texture; output NHWC f32 [B,outH,outW,3], one dispatch writes image\n//         `batch` only. Texels are read with textureLoad and turned back into bytes (round(t*255)).\n// Coordinates: pixel centres sit at integer positions, as in dlib: texel (x,y) is the point (x,y) of\n//         the frame and output pixel (ox,oy) the point (ox,oy) of the chip.\n// Map: (sx,sy) = M * (ox,oy,1) (chip -> frame). The host splits it for f32 precision in large frames:\n//         (sx,sy) = originInt + originFrac + A * ((ox,oy) - centre), where originInt + originFrac is\n//         M applied (in float64) to the output centre ((outW-1)/2, (outH-1)/2), originInt its integer\n//         floor and A = (a00,a01,a10,a11) the linear part; so the fraction never carries the magnitude\n//         of the frame coordinate.\n// Sampling: bilinear over the 4 texels around (sx,sy); a texel outside the frame counts as 0 (zero fill\n//         outside the image). top = a + (b-a)*fx, bottom likewise, v = top + (bottom-top)*fy.\n// Normalise: out[c] = (v[c] - mean[c]) * scale[c].\n// Bindings: 0 frame (texture_2d<f32>), 1 output, 2 uniforms.\n// Grid: x = output column, y = output row; one thread per output pixel writes its 3 channels.\n// Overrides: WG_X * WG_Y threads per workgroup.\n\nstruct Params {\n  outH: u32, outW: u32, batch: u32, _pad0: u32,\n  originInt: vec2<i32>, originFrac: vec2<f32>,\n  linear: vec4<f32>,\n  mean: vec4<f32>,\n  scale: vec4<f32>,\n}\n\n@group(0) @binding(0) var frame: texture_2d<f32>;\n@group(0) @binding(1) var<storage, read_write> output: array<f32>;\n@group(0) @binding(2) var<uniform> p: Params;\n\noverride WG_X: u32 = 8u;\noverride WG_Y: u32 = 8u;\n\nfn texel(x: i32, y: i32, size: vec2<i32>) -> vec3<f32> {\n  if (x < 0 || y < 0 || x >= size.x || y >= size.y) { return vec3<f32>(0.0); }\n  return round(textureLoad(frame, vec2<i32>(x, y), 0).rgb * 255.0);\n}\n\n@compute @workgroup_size(WG_X, WG_Y)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>) {\n  let ox = gid.x;\n  let oy = gid.y;\n  if (ox >= p.outW || oy >= p.outH) { return; }\n  let centre = vec2<f32>(f32(p.outW - 1u), f32(p.outH - 1u)) * 0.5;\n  let u = vec2<f32>(f32(ox), f32(oy)) - centre;\n  let local = p.originFrac + vec2<f32>(dot(p.linear.xy, u), dot(p.linear.zw, u));\n  let size = vec2<i32>(textureDimensions(frame));\n  // Clamp before the integer conversion: points far outside stay outside and never overflow.\n  let whole = clamp(floor(local), vec2<f32>(-16777216.0), vec2<f32>(16777216.0));\n  let f = local - floor(local);\n  let x0 = p.originInt.x + i32(whole.x);\n  let y0 = p.originInt.y + i32(whole.y);\n\n  let a = texel(x0, y0, size);\n  let b = texel(x0 + 1, y0, size);\n  let c = texel(x0, y0 + 1, size);\n  let d = texel(x0 + 1, y0 + 1, size);\n  let top = a + (b - a) * f.x;\n  let bottom = c + (d - c) * f.x;\n  let v = (top + (bottom - top) * f.y - p.mean.xyz) * p.scale.xyz;\n\n  let base = ((p.batch * p.outH + oy) * p.outW + ox) * 3u;\n  output[base] = v.x;\n  output[base + 1u] = v.y;\n  output[base + 2u] = v.z;\n}\n", H = 8, U = 8, W = 1 << 24, G = ee("similarity-warp.wgsl", "Params", {
	outH: "u32",
	outW: "u32",
	batch: "u32",
	_pad0: "u32",
	originInt: "vec2<i32>",
	originFrac: "vec2<f32>",
	linear: "vec4<f32>",
	mean: "vec4<f32>",
	scale: "vec4<f32>"
});
function K(e, t, n, r, i) {
	if (!r.matrix.every(Number.isFinite)) throw Error(`${i}: the matrix has non-finite entries`);
	let a = r.flip ? Ue(r.matrix, t) : r.matrix, [o, s] = j(a, [(t - 1) / 2, (e - 1) / 2]);
	if (Math.abs(o) > W || Math.abs(s) > W) throw Error(`${i}: the chip centre maps to (${o}, ${s})`);
	let [c, l] = [Math.floor(o), Math.floor(s)];
	return {
		outH: e,
		outW: t,
		batch: n,
		originInt: [c, l],
		originFrac: [o - c, s - l],
		linear: [
			a[0],
			a[1],
			a[3],
			a[4]
		],
		mean: b(r.normalise.mean),
		scale: b(r.normalise.scale)
	};
}
function et(e, t, n) {
	let r = n.label ?? "similarity-warp", { outH: i, outW: a } = n;
	if (!(Number.isInteger(i) && Number.isInteger(a) && i >= 1 && a >= 1)) throw Error(`${r}: invalid output size ${a}x${i}`);
	let o = n.batchIndex ?? 0, s = B(e, i, a, n.output, o, r), c = e.pipeline("similarity-warp", $e, {
		WG_X: H,
		WG_Y: U
	}), u = l(e, G, K(i, a, o, n, r), `${r}.uniforms`);
	return {
		output: s,
		dispatch: V(e, r, c, t, s, u, [H, U]),
		update: (t) => m(e, u, G, K(i, a, o, t, r))
	};
}
// src/engine/stages/prepared-inputs.ts
var tt = class {
	constructor(e) {
		this.context = e, this.calls = /* @__PURE__ */ new Map();
	}
	crop(e, t, n) {
		return this.prepare(e, `${t.label}:crop`, n, () => Xe(this.context, e, {
			...n,
			...this.placement(t),
			label: `${t.label}:crop`
		}));
	}
	chip(e, t, n) {
		return this.prepare(e, `${t.label}:chip`, n, () => et(this.context, e, {
			...n,
			...this.placement(t),
			label: `${t.label}:chip`
		}));
	}
	clear() {
		for (let e of this.calls.values()) ne(e.dispatch);
		this.calls.clear();
	}
	placement({ input: e, slot: t }) {
		let [, n, r] = e.shape;
		return {
			outH: n,
			outW: r,
			output: e,
			batchIndex: t
		};
	}
	prepare(e, t, n, r) {
		e !== this.texture && (this.clear(), this.texture = e);
		let i = this.calls.get(t);
		if (i) return i.update(n), i.dispatch;
		let a = r();
		return this.calls.set(t, a), a.dispatch;
	}
}, q = class e {
	constructor(e, t, n, r, i) {
		this.detection = t, this.landmarks = n, this.embedding = r, this.device = e.device, this.frame = new Le(e, "frame"), this.inputs = i;
	}
	static upload(t, n, r, i) {
		let a = new tt(t), { uploaders: o } = r, s = (e) => {
			let t = r.weights.get(e);
			if (!t) throw RangeError(`FaceStages: no weights loaded for ${e}`);
			return t;
		}, { detector: c, landmarks: l, embedding: u } = n, d = Ve.create(t, c, o.detector, s(c.id), a, i.detector);
		return d.prime(), new e(t, d, Qe.create(t, l, o.landmarks, s(l.id), a, i.maxBatch), Ze.create(t, u, o.embedding, s(u.id), a, i.maxBatch), a);
	}
	prime() {
		this.landmarks.prime(), this.embedding.prime();
	}
	async upload(e) {
		if (e === this.lastFrame && this.frame.current && !rt(e)) return this.frame.current;
		let t;
		if (nt(e)) {
			if (e.data.length !== e.width * e.height * 4) throw new n(`RGBA image of ${e.width}×${e.height} has ${e.data.length} bytes`);
			t = this.frame.uploadRgba(e);
		} else {
			let n = await it(e);
			t = this.frame.uploadExternal(n), n !== e && n instanceof ImageBitmap && n.close();
		}
		return this.lastFrame = e, t;
	}
	async detect(e) {
		let t = await this.detection.detect(e);
		return je(t.map((e) => e.box), e.width, e.height).map((e) => t[e]);
	}
	landmarksFor(e, t) {
		return this.landmarks.landmarks(e, t);
	}
	embed(e, t, n) {
		return this.embedding.embed(e, t, n);
	}
	destroy() {
		this.inputs.clear(), this.frame.destroy(), this.detection.destroy(), this.landmarks.destroy(), this.embedding.destroy();
	}
}, nt = (e) => typeof e.data == "object" && typeof e.width == "number" && !(typeof HTMLCanvasElement < "u" && e instanceof HTMLCanvasElement), rt = (e) => typeof HTMLVideoElement < "u" && e instanceof HTMLVideoElement || typeof HTMLCanvasElement < "u" && e instanceof HTMLCanvasElement || typeof OffscreenCanvas < "u" && e instanceof OffscreenCanvas;
async function it(e) {
	return typeof HTMLVideoElement < "u" && e instanceof HTMLVideoElement || typeof HTMLImageElement < "u" && e instanceof HTMLImageElement ? createImageBitmap(e) : e;
}
w.map((e) => e.id), Object.fromEntries(w.map(({ id: e, files: t }) => [e, {
	manifest: t.manifest.name,
	shards: t.shards.map((e) => e.name)
}]));
var J = Object.fromEntries(w.flatMap(({ files: e }) => [e.manifest, ...e.shards]).map(({ name: e, bytes: t, sha256: n }) => [e, {
	bytes: t,
	sha256: n
}]));
// src/engine/weights/manifest.ts
async function at(e, t, n = {}) {
	let r = n.checksums ?? J, i = await e.read(t), a = ot(i, t);
	await X(t, i, r);
	let o = await Promise.all(a.map((t) => Promise.all(t.paths.map(async (t) => {
		let n = await e.read(t);
		return await X(t, n, r), n;
	})))), s = /* @__PURE__ */ new Map();
	return a.forEach((e, t) => st(e, o[t], s)), s;
}
function ot(e, t) {
	let n = (e) => {
		throw new i(t, "invalid-manifest", `Model manifest ${t} is not a valid weights manifest: ${e}`);
	}, r;
	try {
		r = JSON.parse(new TextDecoder("utf-8", { fatal: !0 }).decode(e));
	} catch (e) {
		return n(`not JSON (${e.message})`);
	}
	if (!Array.isArray(r) || r.length === 0) return n("expected a non-empty array of weight groups");
	let a = /* @__PURE__ */ new Set();
	return r.map((e, t) => {
		if (!Z(e) || !Array.isArray(e.paths) || !Array.isArray(e.weights)) return n(`group ${t} needs "paths" and "weights" arrays`);
		let r = e.paths.map((e) => typeof e != "string" || e === "" || /[\\/]/.test(e) || e === "." || e === ".." ? n(`group ${t} has a bad shard path ${JSON.stringify(e)}`) : e);
		return r.length === 0 && n(`group ${t} lists no shards`), {
			paths: r,
			weights: e.weights.map((e) => {
				if (!Z(e) || typeof e.name != "string") return n(`group ${t} has a weight without a name`);
				let { name: r } = e;
				if (a.has(r) && n(`weight "${r}" appears twice`), a.add(r), !Array.isArray(e.shape) || !e.shape.every((e) => Number.isInteger(e) && e >= 0)) return n(`weight "${r}" has a bad shape ${JSON.stringify(e.shape)}`);
				if (e.dtype !== "float32" && e.dtype !== "int32") return n(`weight "${r}" has unsupported dtype ${JSON.stringify(e.dtype)}`);
				let i = {
					name: r,
					shape: e.shape,
					dtype: e.dtype
				};
				if (e.quantization !== void 0) {
					let t = e.quantization;
					if (!Z(t) || t.dtype !== "uint8") return n(`weight "${r}" has unsupported quantization ${JSON.stringify(t)} (only uint8 affine)`);
					if (typeof t.scale != "number" || !Number.isFinite(t.scale) || typeof t.min != "number" || !Number.isFinite(t.min)) return n(`weight "${r}" has uint8 quantization without a finite scale and min`);
					if (t.original_dtype !== void 0 && typeof t.original_dtype != "string") return n(`weight "${r}" has a bad quantization.original_dtype`);
					i.quantization = {
						dtype: "uint8",
						scale: t.scale,
						min: t.min
					}, t.original_dtype !== void 0 && (i.quantization.original_dtype = t.original_dtype);
				}
				return i;
			})
		};
	});
}
function Y(e) {
	return e.shape.reduce((e, t) => e * t, 1) * (e.quantization ? 1 : 4);
}
async function X(e, t, n = J) {
	let r = n[e];
	if (!r) throw new i(e, "corrupt", `Model file ${e} is not in the list of known model files.`);
	if (t.byteLength !== r.bytes) throw new i(e, "truncated", `Model file ${e} has ${t.byteLength} bytes, expected ${r.bytes}.`);
	let a = new Uint8Array(await crypto.subtle.digest("SHA-256", t)), o = Array.from(a, (e) => e.toString(16).padStart(2, "0")).join("");
	if (o !== r.sha256) throw new i(e, "corrupt", `Model file ${e} is damaged: SHA-256 ${o}, expected ${r.sha256}.`);
}
function st(e, t, n) {
	let r = e.weights.reduce((e, t) => e + Y(t), 0), a = t.reduce((e, t) => e + t.byteLength, 0), o = e.paths[e.paths.length - 1];
	if (a !== r) throw new i(o, "truncated", `Model file ${o} is ${a < r ? "too short" : "too long"}: the manifest's tensors need ${r} bytes, shards [${e.paths.join(", ")}] hold ${a}.`);
	let s = lt(t), c = 0;
	for (let t of e.weights) {
		let e = Y(t);
		n.set(t.name, {
			shape: t.shape.slice(),
			data: ct(t, s.subarray(c, c + e))
		}), c += e;
	}
}
function ct(e, t) {
	let n = e.quantization;
	if (n) {
		let r = e.dtype === "int32" ? new Int32Array(t.length) : new Float32Array(t.length), i = e.dtype === "int32";
		for (let e = 0; e < t.length; e++) {
			let a = t[e] * n.scale + n.min;
			r[e] = i ? Math.round(a) : a;
		}
		return r;
	}
	let r = t.slice().buffer;
	return e.dtype === "int32" ? new Int32Array(r) : new Float32Array(r);
}
function lt(e) {
	if (e.length === 1) return e[0];
	let t = new Uint8Array(e.reduce((e, t) => e + t.byteLength, 0)), n = 0;
	for (let r of e) t.set(r, n), n += r.byteLength;
	return t;
}
function Z(e) {
	return typeof e == "object" && !!e && !Array.isArray(e);
}
// src/engine/load-networks.ts
function ut(e) {
	let t = /* @__PURE__ */ new Map();
	return {
		reader: { async read(n) {
			let r = await e.read(n);
			return t.set(n, r), r;
		} },
		kept: { async read(e) {
			let n = t.get(e);
			if (!n) throw RangeError(`${e} was not loaded`);
			return n;
		} }
	};
}
async function dt(e, t, n) {
	let r = await Promise.all(Object.values(t).map(async (t) => {
		let r = await at(e, t.files.manifest.name, { checksums: J });
		return n?.(t.id), [t.id, r];
	}));
	return new Map(r);
}
async function ft(e, t, n) {
	let [r, i, a, o] = await Promise.all([
		t.detector.load(),
		t.landmarks.load(),
		t.embedding.load(),
		dt(e, t, n)
	]);
	return {
		uploaders: {
			detector: r,
			landmarks: i,
			embedding: a
		},
		weights: o
	};
}
// src/engine/weights/fetch-source.ts
function pt(e, t) {
	let n = e === "" || e.endsWith("/") ? e : `${e}/`;
	return { async read(e) {
		let r = n + encodeURIComponent(e), a;
		try {
			a = await fetch(r);
		} catch (t) {
			throw new i(e, "missing", `Model file ${e} could not be fetched from ${r}: ${String(t)}`);
		}
		if (!a.ok) throw new i(e, "missing", `Model file ${e} could not be fetched from ${r}: HTTP ${a.status}.`);
		if (!e.endsWith(".html") && (a.headers.get("content-type") ?? "").startsWith("text/html")) throw new i(e, "missing", `Model file ${e} is not at ${r}: the server answered with an HTML page.`);
		let o = J[e]?.bytes ?? (Number(a.headers.get("content-length")) || 0), s = [], c = 0;
		t?.({
			file: e,
			loaded: c,
			total: o
		});
		try {
			if (a.body) {
				let n = a.body.getReader();
				for (let r = await n.read(); !r.done; r = await n.read()) s.push(r.value), c += r.value.byteLength, t?.({
					file: e,
					loaded: c,
					total: o
				});
			} else s.push(new Uint8Array(await a.arrayBuffer())), c = s[0].byteLength, t?.({
				file: e,
				loaded: c,
				total: o
			});
		} catch (t) {
			throw new i(e, "truncated", `Model file ${e} stopped arriving after ${c} of ${o} bytes: ${String(t)}`);
		}
		let l = new Uint8Array(c), u = 0;
		for (let e of s) l.set(e, u), u += e.byteLength;
		return l;
	} };
}
// src/engine/face-engine.ts
var Q = 6e4, $ = {
	fetched: .7,
	uploading: .75,
	compiling: .8,
	warmingUp: .9,
	ready: 1
}, mt = 1e3, ht = 8, gt = class {
	constructor() {
		this.tail = Promise.resolve();
	}
	run(e) {
		let t = this.tail.then(e, e);
		return this.tail = t.catch(() => void 0), t;
	}
}, _t = class e {
	constructor(e, t, n, r, i, a) {
		this.context = e, this.stages = t, this.networks = n, this.keptFiles = i, this.stageOptions = a, this.mutex = new gt(), this.listeners = /* @__PURE__ */ new Set(), this.lastLossAt = -Infinity, this.disposed = !1, this.modelId = n.embedding.modelId, this.vectorLength = n.embedding.vectorLength, this.uploaders = r.uploaders;
	}
	static async create(t = {}) {
		let n = t.onProgress ?? (() => void 0), r = 0, i = (e) => {
			r = Math.max(r, e.fraction), n({
				...e,
				fraction: r
			});
		}, a = v.api(t.gpu), o = {
			detector: he(t.networks?.detector ?? T.detector),
			landmarks: ge(t.networks?.landmarks ?? T.landmarks),
			embedding: _e(t.networks?.embedding ?? T.embedding)
		}, s = Object.values(o).flatMap(({ files: { manifest: e, shards: t } }) => [e, ...t]).reduce((e, t) => e + t.bytes, 0), c = /* @__PURE__ */ new Map(), { reader: l, kept: u } = ut(t.source ?? pt(t.modelBaseUrl ?? "/models/", ({ file: e, loaded: t }) => {
			c.set(e, t);
			let n = 0;
			for (let e of c.values()) n += e;
			i({
				stage: "fetch",
				fraction: $.fetched * Math.min(1, n / s),
				detail: e
			});
		}));
		i({
			stage: "fetch",
			fraction: 0
		});
		let d = ft(l, o, (e) => i({
			stage: "decode",
			fraction: $.fetched,
			detail: e
		}));
		d.catch(() => void 0);
		let f, p = await v.create({
			gpu: a,
			onDeviceLost: () => f?.deviceLost() ?? "give-up",
			onDeviceRecreated: () => void f?.rebuild(),
			onDeviceUnrecoverable: (e) => f?.fail(e)
		});
		try {
			let n = await d, r = {
				detector: t.detector ?? {},
				maxBatch: t.maxBatch ?? ht
			};
			i({
				stage: "upload",
				fraction: $.uploading
			});
			let a = await p.checked("upload weights", () => q.upload(p, o, n, r));
			return i({
				stage: "compile",
				fraction: $.compiling
			}), await p.checked("compile", () => a.prime()), f = new e(p, a, o, n, u, r), i({
				stage: "warmup",
				fraction: $.warmingUp
			}), await f.warmUp(), i({
				stage: "ready",
				fraction: $.ready
			}), f;
		} catch (e) {
			throw p.dispose(), e;
		}
	}
	onStatus(e) {
		return this.listeners.add(e), () => this.listeners.delete(e);
	}
	describeAdapter() {
		return this.context.describeAdapter();
	}
	gpuResources() {
		return {
			...this.context.resources,
			pipelines: this.context.pipelineCount
		};
	}
	detect(e) {
		return this.call(async (t) => t.detect(await t.upload(e)));
	}
	analyze(e, t = {}) {
		return this.call(async (n) => {
			let r = await n.upload(e), i = (await n.detect(r)).slice(0, this.stageOptions.maxBatch), a = i.map((e) => e.box), o = a.length ? await n.landmarksFor(r, a) : [];
			t.refineLandmarks && a.length && (a = o.map((e) => _(e)), o = await n.landmarksFor(r, a));
			let s = i.map((e, t) => ({
				box: a[t],
				score: e.score,
				landmarks: o[t]
			}));
			return {
				frameWidth: r.width,
				frameHeight: r.height,
				faces: s,
				target: s[0] ?? null
			};
		});
	}
	landmarksFor(e, t) {
		return this.call(async (n) => n.landmarksFor(await n.upload(e), t));
	}
	async embed(e, t, n = {}) {
		let [r] = await this.embedMany(e, [t], n);
		return {
			vector: r,
			modelId: this.modelId
		};
	}
	embedMany(e, t, n = {}) {
		return this.call(async (r) => r.embed(await r.upload(e), t, n));
	}
	simulateDeviceLoss() {
		this.context.loseDevice();
	}
	dispose() {
		this.disposed || (this.disposed = !0, this.stages.destroy(), this.context.dispose(), this.listeners.clear());
	}
	call(e) {
		return this.mutex.run(async () => {
			let t = await this.ready();
			try {
				return await e(t);
			} catch (n) {
				if (n instanceof o || !await this.wasLost(t)) throw n;
				return e(await this.ready());
			}
		});
	}
	async ready() {
		if (this.disposed) throw new h();
		if (await this.recovery, this.failure) throw this.failure;
		return this.stages;
	}
	async wasLost(e) {
		if (e !== this.stages || this.recovery) return !0;
		let t, n = await Promise.race([e.device.lost.then(() => !0), new Promise((e) => t = setTimeout(() => e(!1), mt))]);
		return clearTimeout(t), n;
	}
	async warmUp() {
		await this.context.device.queue.onSubmittedWorkDone();
	}
	emit(e) {
		for (let t of this.listeners) t(e);
	}
	deviceLost() {
		if (this.disposed) return "give-up";
		let e = Date.now(), n = e - this.lastLossAt < Q;
		return this.lastLossAt = e, n ? (this.fail(new t(`The GPU device was lost twice within ${Q / 1e3} s.`)), "give-up") : (this.recovery = new Promise((e) => this.finishRecovery = e), this.emit({ state: "recovering" }), "reopen");
	}
	async rebuild() {
		try {
			this.stages.destroy();
			let e = await dt(this.keptFiles, this.networks), t = {
				uploaders: this.uploaders,
				weights: e
			}, n = await this.context.checked("rebuild", () => q.upload(this.context, this.networks, t, this.stageOptions));
			if (await this.context.checked("rebuild", () => n.prime()), await this.context.device.queue.onSubmittedWorkDone(), this.disposed) {
				n.destroy();
				return;
			}
			this.stages = n, this.settle(), this.emit({ state: "recovered" });
		} catch (e) {
			this.fail(e instanceof o ? e : new r("gpu-validation", `Rebuilding after a device loss failed: ${String(e)}`));
		}
	}
	fail(e) {
		this.failure || (this.failure = e, this.settle(), this.emit({
			state: "failed",
			error: e
		}));
	}
	settle() {
		this.finishRecovery?.(), this.finishRecovery = void 0, this.recovery = void 0;
	}
}, vt = .5;
function yt(e, t) {
	let n = Math.max(e.x, t.x), r = Math.max(e.y, t.y), i = Math.min(e.x + e.width, t.x + t.width), a = Math.min(e.y + e.height, t.y + t.height), o = Math.max(0, i - n) * Math.max(0, a - r), s = e.width * e.height + t.width * t.height - o;
	return s > 0 ? o / s : 0;
}
function bt(e, t) {
	return g(t).width > .35 * e.width && yt(e, _(t)) >= vt;
}
var xt = class {
	constructor(e) {
		this.engine = e, this.last = null;
	}
	async next(e) {
		if (this.last) {
			let t = _(this.last.landmarks), [n] = await this.engine.landmarksFor(e, [t]);
			if (n && bt(t, n)) {
				let r = _(n);
				return yt(t, r) < .8 && ([n] = await this.engine.landmarksFor(e, [r])), this.last = {
					box: _(n),
					score: this.last.score,
					landmarks: n
				}, {
					face: this.last,
					detected: !1
				};
			}
			this.last = null;
		}
		let t = await this.engine.analyze(e, { refineLandmarks: !0 });
		return this.last = t.target, this.last ? {
			face: this.last,
			detected: !0
		} : null;
	}
	follow(e) {
		this.last = e;
	}
	reset() {
		this.last = null;
	}
};
export { T as DEFAULT_NETWORKS, t as DeviceLostError, h as EngineDisposedError, o as EngineError, _t as FaceEngine, xt as FaceTracker, v as GpuContext, r as GpuError, n as InvalidFrameError, $ as LOAD_PROGRESS, i as ModelLoadError, w as NETWORKS, Q as RECOVERY_WINDOW_MS, p as TrainingDataError, e as WebGpuUnavailableError, le as euclideanDistance, f as isEngineError };

//# sourceMappingURL=engine.js.map