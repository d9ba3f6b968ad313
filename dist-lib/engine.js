// src/engine/alignment.ts
function e(e, [t, n]) {
	return [e[0] * t + e[1] * n + e[2], e[3] * t + e[4] * n + e[5]];
}
function t(e, t) {
	return [
		e[0] * t[0] + e[1] * t[3],
		e[0] * t[1] + e[1] * t[4],
		e[0] * t[2] + e[1] * t[5] + e[2],
		e[3] * t[0] + e[4] * t[3],
		e[3] * t[1] + e[4] * t[4],
		e[3] * t[2] + e[4] * t[5] + e[5]
	];
}
function n(e, n) {
	return t(e, [
		-1,
		0,
		n - 1,
		0,
		1,
		0
	]);
}
function r(e, t) {
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
var i = [
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
], a = [
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
], o = Array.from({ length: 51 }, (e, t) => t + 17).filter((e) => !(e <= 26 || e >= 55 && e <= 59 || e >= 65));
function s(e, t, n) {
	let r = e - 17;
	return [(n + i[r]) / (2 * n + 1) * t, (n + a[r]) / (2 * n + 1) * t];
}
function c(t, n = 150, i = .25) {
	if (t.length !== 68) throw Error(`getFaceChipDetails: need 68 landmarks, got ${t.length}`);
	if (!(i >= 0) || !(Number.isInteger(n) && n >= 2)) throw Error(`getFaceChipDetails: invalid size ${n} or padding ${i}`);
	let a = r(o.map((e) => s(e, n, i)), o.map((e) => t[e])), c = Math.atan2(a[3], a[0]), l = Math.hypot(a[0], a[3]), [u, d] = e(a, [n / 2, n / 2]), f = (n * l - 1) / (n - 1), p = Math.cos(c) * f, m = Math.sin(c) * f, h = (n - 1) / 2;
	return {
		matrix: a,
		dlibExtractMatrix: [
			p,
			-m,
			u - (p * h - m * h),
			m,
			p,
			d - (m * h + p * h)
		],
		size: n,
		angle: c,
		scale: l
	};
}
// src/engine/landmark-box.ts
function l(e) {
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
var u = {
	dx: .0095,
	dy: -.1337,
	sw: .9841,
	sh: 1.2961
};
function d(e, t = u) {
	let n = l(e), r = t.sw * n.width, i = t.sh * n.height, a = n.cx + t.dx * n.width, o = n.cy + t.dy * n.height;
	return {
		x: a - r / 2,
		y: o - i / 2,
		width: r,
		height: i
	};
}
// src/engine/face-engine-types.ts
var f = class extends Error {
	constructor(e, t, n) {
		super(n), this.file = e, this.kind = t, this.name = "ModelLoadError";
	}
}, p = "rgba8unorm", m = () => GPUTextureUsage.TEXTURE_BINDING | GPUTextureUsage.COPY_DST | GPUTextureUsage.RENDER_ATTACHMENT;
function h(e, t, n, r = "frame") {
	if (!(t >= 1 && n >= 1) || !Number.isInteger(t) || !Number.isInteger(n)) throw Error(`${r}: invalid frame size ${t}x${n}`);
	let i = e.limits.maxTextureDimension2D;
	if (t > i || n > i) throw Error(`${r}: frame ${t}x${n} exceeds the device's texture limit ${i}`);
	return e.device.createTexture({
		size: [t, n],
		format: p,
		usage: m(),
		label: r
	});
}
function g(e, t, n) {
	let { width: r, height: i, data: a } = n, o = n.bytesPerRow ?? r * 4;
	if (o < r * 4) throw Error(`frame: bytesPerRow ${o} < width*4 (${r * 4})`);
	let s = o * (i - 1) + r * 4;
	if (a.length < s) throw Error(`frame: ${a.length} bytes for a ${r}x${i} RGBA image (${s} needed)`);
	if (r > t.width || i > t.height) throw Error(`frame: ${r}x${i} image does not fit the ${t.width}x${t.height} texture`);
	e.device.queue.writeTexture({ texture: t }, a, {
		bytesPerRow: o,
		rowsPerImage: i
	}, {
		width: r,
		height: i
	});
}
function _(e) {
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
var v = class {
	constructor(e, t = "frame") {
		this.context = e, this.label = t, this.generation = 0;
	}
	get current() {
		return this.texture;
	}
	ensure(e, t) {
		let n = this.texture;
		return n && this.device === this.context.device && n.width === e && n.height === t ? n : (n?.destroy(), this.texture = h(this.context, e, t, this.label), this.device = this.context.device, this.generation++, this.texture);
	}
	uploadRgba(e) {
		let t = this.ensure(e.width, e.height);
		return g(this.context, t, e), t;
	}
	uploadExternal(e) {
		let { width: t, height: n } = _(e), r = this.ensure(t, n);
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
}, y = class extends Error {
	constructor(e, t) {
		super(t), this.reason = e, this.name = "WebGpuUnavailableError";
	}
}, ee = {
	maxStorageBuffersPerShaderStage: 8,
	maxComputeInvocationsPerWorkgroup: 256,
	maxComputeWorkgroupSizeX: 256,
	maxComputeWorkgroupSizeY: 256,
	maxStorageBufferBindingSize: 67108864,
	maxBufferSize: 67108864
}, b = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i;
function x(e) {
	let { vendor: t, architecture: n, device: r, description: i, isFallbackAdapter: a } = e;
	return a || b.test([
		t,
		n,
		r,
		i
	].join(" "));
}
var S = class e {
	constructor(e, t, n, r) {
		this.gpu = e, this.options = t, this.adapter = n, this.device = r, this.pipelines = /* @__PURE__ */ new Map(), this.disposed = !1, this.watchLoss();
	}
	static async create(t = {}) {
		let n = e.api(t.gpu), { adapter: r, device: i } = await e.open(n, t.powerPreference);
		return new e(n, t, r, i);
	}
	static api(e) {
		let t = e ?? (typeof navigator < "u" ? navigator.gpu : void 0);
		if (!t) throw new y("no-webgpu-api", "This browser does not support WebGPU. Use a current Chrome, Edge or another browser with WebGPU enabled.");
		return t;
	}
	static async open(e, t) {
		let n = null;
		try {
			n = await e.requestAdapter(t ? { powerPreference: t } : void 0);
		} catch (e) {
			throw new y("no-adapter", `WebGPU refused to provide a graphics adapter: ${String(e)}`);
		}
		if (!n) throw new y("no-adapter", "WebGPU is present but no graphics adapter is available (it may be disabled or blocklisted for this GPU).");
		let r = {};
		for (let [e, t] of Object.entries(ee)) {
			let i = n.limits[e];
			if (i === void 0) continue;
			let a = e === "maxStorageBufferBindingSize" || e === "maxBufferSize";
			if (!a && i < t) throw new y("limits-too-low", `This graphics adapter is too limited for Faceprint (${e} is ${i}, ${t} needed).`);
			r[e] = a ? i : t;
		}
		let i = [];
		n.features.has("timestamp-query") && i.push("timestamp-query"), n.features.has("subgroups") && i.push("subgroups");
		try {
			let e = await n.requestDevice({
				requiredLimits: r,
				requiredFeatures: i,
				label: "faceprint"
			});
			return {
				adapter: n,
				device: e
			};
		} catch (e) {
			throw new y("device-failed", `Could not open the graphics device: ${String(e)}`);
		}
	}
	watchLoss() {
		this.device.lost.then(async (t) => {
			if (!(this.disposed || t.reason === "destroyed")) try {
				let { adapter: t, device: n } = await e.open(this.gpu, this.options.powerPreference);
				this.adapter = t, this.device = n, this.pipelines.clear(), this.watchLoss(), this.options.onDeviceRecreated?.(this);
			} catch (e) {
				let n = e instanceof y ? e : new y("device-failed", `The graphics device was lost: ${t.message}`);
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
			software: x(t),
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
	async checked(e, t) {
		this.device.pushErrorScope("out-of-memory"), this.device.pushErrorScope("validation");
		let n;
		try {
			n = t();
		} finally {
			let t = await this.device.popErrorScope(), n = await this.device.popErrorScope(), r = t ?? n;
			if (r) throw Error(`${e}: WebGPU ${t ? "validation" : "out-of-memory"} error: ${r.message}`);
		}
		return n;
	}
	get pipelineCount() {
		return this.pipelines.size;
	}
	dispose() {
		this.disposed = !0, this.pipelines.clear(), this.device.destroy();
	}
}, te = "// image-to-tensor: RGBA8 frame -> normalised float NHWC, with crop, zero pad, bilinear resize and an\n// optional horizontal flip fused in one pass. Matches tf.image.resizeBilinear(x, [outH,outW],\n// alignCorners=false, halfPixelCenters=false) applied to the cropped and padded image.\n//\n// Layout: frame is an rgba8unorm texture, texel (x,y) = column x, row y; alpha is ignored. Texels are\n//         read with textureLoad and turned back into their byte values 0..255 (round(t*255)).\n//         Output NHWC f32 [B,outH,outW,3]; one dispatch writes image `batch` only.\n// Virtual source: a srcW x srcH canvas of zeros with the crop (cropX,cropY,cropW,cropH, integer\n//         pixels of the frame) placed with its top-left corner at (padLeft,padTop). Crop pixels that\n//         fall outside the frame read 0, like the canvas around the crop.\n// Resize: output (oy,ox) reads source y = oy*srcH/outH, x = ox*srcW/outW; y0 = floor(y),\n//         y1 = min(y0+1, srcH-1), fy = y - y0 (the same for x). top = a + (b-a)*fx, bottom likewise,\n//         v = top + (bottom-top)*fy. The floor is taken in integers (oy*srcH / outH), so it is exact.\n// Normalise: out[c] = (v[c] - mean[c]) * scale[c].\n// Flip: flip != 0 stores column ox from what column outW-1-ox would hold (tf.image.flipLeftRight).\n// Bindings: 0 frame (texture_2d<f32>), 1 output, 2 uniforms.\n// Grid: x = output column, y = output row; one thread per output pixel writes its 3 channels.\n// Overrides: WG_X * WG_Y threads per workgroup.\n\nstruct Params {\n  outH: u32, outW: u32, srcH: u32, srcW: u32,\n  cropX: i32, cropY: i32, cropW: i32, cropH: i32,\n  padTop: i32, padLeft: i32, batch: u32, flip: u32,\n  mean: vec4<f32>,\n  scale: vec4<f32>,\n}\n\n@group(0) @binding(0) var frame: texture_2d<f32>;\n@group(0) @binding(1) var<storage, read_write> output: array<f32>;\n@group(0) @binding(2) var<uniform> p: Params;\n\noverride WG_X: u32 = 8u;\noverride WG_Y: u32 = 8u;\n\n// Byte values of the virtual source pixel (sx,sy): zero on the canvas, outside the crop or the frame.\nfn source(sx: i32, sy: i32) -> vec3<f32> {\n  let cx = sx - p.padLeft;\n  let cy = sy - p.padTop;\n  if (cx < 0 || cy < 0 || cx >= p.cropW || cy >= p.cropH) { return vec3<f32>(0.0); }\n  let fx = p.cropX + cx;\n  let fy = p.cropY + cy;\n  let size = vec2<i32>(textureDimensions(frame));\n  if (fx < 0 || fy < 0 || fx >= size.x || fy >= size.y) { return vec3<f32>(0.0); }\n  return round(textureLoad(frame, vec2<i32>(fx, fy), 0).rgb * 255.0);\n}\n\n@compute @workgroup_size(WG_X, WG_Y)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>) {\n  let ox = gid.x;\n  let oy = gid.y;\n  if (ox >= p.outW || oy >= p.outH) { return; }\n  var sxOut = ox;\n  if (p.flip != 0u) { sxOut = p.outW - 1u - ox; }\n\n  let yNum = oy * p.srcH;\n  let xNum = sxOut * p.srcW;\n  let y0 = yNum / p.outH;\n  let x0 = xNum / p.outW;\n  let fy = f32(yNum % p.outH) / f32(p.outH);\n  let fx = f32(xNum % p.outW) / f32(p.outW);\n  let y1 = min(y0 + 1u, p.srcH - 1u);\n  let x1 = min(x0 + 1u, p.srcW - 1u);\n\n  let a = source(i32(x0), i32(y0));\n  let b = source(i32(x1), i32(y0));\n  let c = source(i32(x0), i32(y1));\n  let d = source(i32(x1), i32(y1));\n  let top = a + (b - a) * fx;\n  let bottom = c + (d - c) * fx;\n  let v = (top + (bottom - top) * fy - p.mean.xyz) * p.scale.xyz;\n\n  let base = ((p.batch * p.outH + oy) * p.outW + ox) * 3u;\n  output[base] = v.x;\n  output[base + 1u] = v.y;\n  output[base + 2u] = v.z;\n}\n", C = (e) => e.reduce((e, t) => e * t, 1), ne = () => GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST, re = (e) => Math.max(16, Math.ceil(e * 4 / 16) * 16);
function w(e, t, n = "tensor") {
	return {
		buffer: e.device.createBuffer({
			size: re(C(t)),
			usage: ne(),
			label: n
		}),
		shape: t
	};
}
function T(e, t, n) {
	let r = e.device.createBuffer({
		size: re(t.length),
		usage: ne(),
		label: n
	});
	return e.device.queue.writeBuffer(r, 0, t.buffer, t.byteOffset, t.byteLength), r;
}
// src/engine/kernels/dispatch.ts
function E(e, t, n) {
	let r = Math.max(16, Math.ceil(t.length * 4 / 16) * 16), i = new ArrayBuffer(r), a = new DataView(i);
	t.forEach((e, t) => {
		"u32" in e ? a.setUint32(t * 4, e.u32, !0) : "i32" in e ? a.setInt32(t * 4, e.i32, !0) : a.setFloat32(t * 4, e.f32, !0);
	});
	let o = e.device.createBuffer({
		size: r,
		usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
		label: n
	});
	return e.device.queue.writeBuffer(o, 0, i), o;
}
function D(e, t, n, r) {
	return e.device.createBindGroup({
		layout: t.getBindGroupLayout(0),
		entries: n.map((e, t) => ({
			binding: t,
			resource: e
		})),
		label: r
	});
}
function ie(...e) {
	return e.map((e) => ({ buffer: e }));
}
function O(e, t, n, r, i, a) {
	return {
		output: a,
		dispatch: {
			label: t,
			pipeline: n,
			bindGroup: D(e, n, ie(...r), t),
			workgroups: i
		}
	};
}
function k(e, t, n) {
	let r = Math.max(1, Math.ceil(t / n)), i = e.limits.maxComputeWorkgroupsPerDimension;
	if (r > i) throw Error(`dispatch of ${r} workgroups exceeds the device limit ${i}`);
	return r;
}
function ae(e, t, n = "run") {
	let r = e.beginComputePass({ label: n });
	for (let e of t) r.setPipeline(e.pipeline), r.setBindGroup(0, e.bindGroup), r.dispatchWorkgroups(...e.workgroups);
	r.end();
}
function oe(e, t, n = "run") {
	let r = e.device.createCommandEncoder({ label: n });
	ae(r, t, n), e.device.queue.submit([r.finish()]);
}
var se = /* @__PURE__ */ new WeakMap();
function A(e) {
	let t = se.get(e.device);
	return t || (t = e.device.createBuffer({
		size: 16,
		usage: GPUBufferUsage.STORAGE,
		label: "placeholder"
	}), se.set(e.device, t)), t;
}
// src/engine/kernels/image-to-tensor.ts
var j = {
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
}, M = (e) => typeof e == "number" ? [
	e,
	e,
	e
] : e;
function ce(e, t, n) {
	let r = Math.max(e, t), i = r - Math.min(e, t), a = n === "centred" ? i - Math.round(i * .5) : 0;
	return {
		width: r,
		height: r,
		padLeft: e < t ? a : 0,
		padTop: t < e ? a : 0
	};
}
var N = (e) => Number.isInteger(e);
function le(e, t, n, r = "image-to-tensor") {
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
	if (!(i >= 1 && a >= 1 && N(i) && N(a))) throw Error(`${r}: invalid output size ${a}x${i}`);
	if (![
		o.x,
		o.y,
		o.width,
		o.height
	].every(N) || o.width < 1 || o.height < 1) throw Error(`${r}: the crop must be a non-empty integer rectangle, got ${JSON.stringify(o)}`);
	if (![
		s.width,
		s.height,
		s.padLeft,
		s.padTop
	].every(N) || s.width < 1 || s.height < 1) throw Error(`${r}: the canvas must be a non-empty integer size and offset, got ${JSON.stringify(s)}`);
	return {
		outH: i,
		outW: a,
		crop: o,
		canvas: s,
		mean: M(n.normalise.mean),
		scale: M(n.normalise.scale),
		flip: n.flip ?? !1
	};
}
function ue(e, t, n) {
	let r = /* @__PURE__ */ new DataView(/* @__PURE__ */ new ArrayBuffer(n.length * 4));
	n.forEach((e, t) => {
		"u32" in e ? r.setUint32(t * 4, e.u32, !0) : "i32" in e ? r.setInt32(t * 4, e.i32, !0) : r.setFloat32(t * 4, e.f32, !0);
	}), e.device.queue.writeBuffer(t, 0, r.buffer);
}
var de = 8, fe = 8;
function pe(e, t) {
	return [
		{ u32: e.outH },
		{ u32: e.outW },
		{ u32: e.canvas.height },
		{ u32: e.canvas.width },
		{ i32: e.crop.x },
		{ i32: e.crop.y },
		{ i32: e.crop.width },
		{ i32: e.crop.height },
		{ i32: e.canvas.padTop },
		{ i32: e.canvas.padLeft },
		{ u32: t },
		{ u32: +!!e.flip },
		{ f32: e.mean[0] },
		{ f32: e.mean[1] },
		{ f32: e.mean[2] },
		{ f32: 0 },
		{ f32: e.scale[0] },
		{ f32: e.scale[1] },
		{ f32: e.scale[2] },
		{ f32: 0 }
	];
}
function me(e, t, n, r, i, a) {
	let o = r ?? w(e, [
		1,
		t,
		n,
		3
	], `${a}.out`), [s, c, l, u] = o.shape;
	if (o.shape.length !== 4 || c !== t || l !== n || u !== 3 || C(o.shape) === 0) throw Error(`${a}: output [${o.shape}] is not [B,${t},${n},3]`);
	if (!(N(i) && i >= 0 && i < s)) throw Error(`${a}: batch index ${i} outside the output's batch of ${s}`);
	return o;
}
function P(e, t, n) {
	let r = n.label ?? "image-to-tensor", i = n.batchIndex ?? 0, a = le(t.width, t.height, n, r), o = me(e, a.outH, a.outW, n.output, i, r), s = e.pipeline("image-to-tensor", te, {
		WG_X: de,
		WG_Y: fe
	}), c = E(e, pe(a, i), `${r}.uniforms`);
	return {
		output: o,
		dispatch: {
			label: r,
			pipeline: s,
			bindGroup: D(e, s, [
				t.createView(),
				{ buffer: o.buffer },
				{ buffer: c }
			], r),
			workgroups: [
				k(e, a.outW, de),
				k(e, a.outH, fe),
				1
			]
		},
		update: (n) => {
			let o = le(t.width, t.height, {
				outH: a.outH,
				outW: a.outW,
				...n
			}, r);
			ue(e, c, pe(o, i));
		}
	};
}
// shaders/similarity-warp.wgsl?raw
var he = "// similarity-warp: RGBA8 frame -> normalised float NHWC through a 2x3 affine map (the dlib face chip).\n//\n// Layout: frame is an rgba8unorm texture; output NHWC f32 [B,outH,outW,3], one dispatch writes image\n//         `batch` only. Texels are read with textureLoad and turned back into bytes (round(t*255)).\n// Coordinates: pixel centres sit at integer positions, as in dlib: texel (x,y) is the point (x,y) of\n//         the frame and output pixel (ox,oy) the point (ox,oy) of the chip.\n// Map: (sx,sy) = M * (ox,oy,1) (chip -> frame). The host splits it for f32 precision in large frames:\n//         (sx,sy) = originInt + originFrac + A * ((ox,oy) - centre), where originInt + originFrac is\n//         M applied (in float64) to the output centre ((outW-1)/2, (outH-1)/2), originInt its integer\n//         floor and A = (a00,a01,a10,a11) the linear part; so the fraction never carries the magnitude\n//         of the frame coordinate.\n// Sampling: bilinear over the 4 texels around (sx,sy); a texel outside the frame counts as 0 (zero fill\n//         outside the image). top = a + (b-a)*fx, bottom likewise, v = top + (bottom-top)*fy.\n// Normalise: out[c] = (v[c] - mean[c]) * scale[c].\n// Bindings: 0 frame (texture_2d<f32>), 1 output, 2 uniforms.\n// Grid: x = output column, y = output row; one thread per output pixel writes its 3 channels.\n// Overrides: WG_X * WG_Y threads per workgroup.\n\nstruct Params {\n  outH: u32, outW: u32, batch: u32, _pad0: u32,\n  originInt: vec2<i32>, originFrac: vec2<f32>,\n  linear: vec4<f32>,\n  mean: vec4<f32>,\n  scale: vec4<f32>,\n}\n\n@group(0) @binding(0) var frame: texture_2d<f32>;\n@group(0) @binding(1) var<storage, read_write> output: array<f32>;\n@group(0) @binding(2) var<uniform> p: Params;\n\noverride WG_X: u32 = 8u;\noverride WG_Y: u32 = 8u;\n\nfn texel(x: i32, y: i32, size: vec2<i32>) -> vec3<f32> {\n  if (x < 0 || y < 0 || x >= size.x || y >= size.y) { return vec3<f32>(0.0); }\n  return round(textureLoad(frame, vec2<i32>(x, y), 0).rgb * 255.0);\n}\n\n@compute @workgroup_size(WG_X, WG_Y)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>) {\n  let ox = gid.x;\n  let oy = gid.y;\n  if (ox >= p.outW || oy >= p.outH) { return; }\n  let centre = vec2<f32>(f32(p.outW - 1u), f32(p.outH - 1u)) * 0.5;\n  let u = vec2<f32>(f32(ox), f32(oy)) - centre;\n  let local = p.originFrac + vec2<f32>(dot(p.linear.xy, u), dot(p.linear.zw, u));\n  let size = vec2<i32>(textureDimensions(frame));\n  // Clamp before the integer conversion: points far outside stay outside and never overflow.\n  let whole = clamp(floor(local), vec2<f32>(-16777216.0), vec2<f32>(16777216.0));\n  let f = local - floor(local);\n  let x0 = p.originInt.x + i32(whole.x);\n  let y0 = p.originInt.y + i32(whole.y);\n\n  let a = texel(x0, y0, size);\n  let b = texel(x0 + 1, y0, size);\n  let c = texel(x0, y0 + 1, size);\n  let d = texel(x0 + 1, y0 + 1, size);\n  let top = a + (b - a) * f.x;\n  let bottom = c + (d - c) * f.x;\n  let v = (top + (bottom - top) * f.y - p.mean.xyz) * p.scale.xyz;\n\n  let base = ((p.batch * p.outH + oy) * p.outW + ox) * 3u;\n  output[base] = v.x;\n  output[base + 1u] = v.y;\n  output[base + 2u] = v.z;\n}\n", ge = 8, _e = 8, ve = 1 << 24;
function ye(t, r, i, a, o) {
	if (!a.matrix.every(Number.isFinite)) throw Error(`${o}: the matrix has non-finite entries`);
	let s = a.flip ? n(a.matrix, r) : a.matrix, [c, l] = e(s, [(r - 1) / 2, (t - 1) / 2]);
	if (Math.abs(c) > ve || Math.abs(l) > ve) throw Error(`${o}: the chip centre maps to (${c}, ${l})`);
	let [u, d] = [Math.floor(c), Math.floor(l)], f = M(a.normalise.mean), p = M(a.normalise.scale);
	return [
		{ u32: t },
		{ u32: r },
		{ u32: i },
		{ u32: 0 },
		{ i32: u },
		{ i32: d },
		{ f32: c - u },
		{ f32: l - d },
		{ f32: s[0] },
		{ f32: s[1] },
		{ f32: s[3] },
		{ f32: s[4] },
		{ f32: f[0] },
		{ f32: f[1] },
		{ f32: f[2] },
		{ f32: 0 },
		{ f32: p[0] },
		{ f32: p[1] },
		{ f32: p[2] },
		{ f32: 0 }
	];
}
function be(e, t, n) {
	let r = n.label ?? "similarity-warp", { outH: i, outW: a } = n;
	if (!(Number.isInteger(i) && Number.isInteger(a) && i >= 1 && a >= 1)) throw Error(`${r}: invalid output size ${a}x${i}`);
	let o = n.batchIndex ?? 0, s = me(e, i, a, n.output, o, r), c = e.pipeline("similarity-warp", he, {
		WG_X: ge,
		WG_Y: _e
	}), l = E(e, ye(i, a, o, n, r), `${r}.uniforms`);
	return {
		output: s,
		dispatch: {
			label: r,
			pipeline: c,
			bindGroup: D(e, c, [
				t.createView(),
				{ buffer: s.buffer },
				{ buffer: l }
			], r),
			workgroups: [
				k(e, a, ge),
				k(e, i, _e),
				1
			]
		},
		update: (t) => ue(e, l, ye(i, a, o, t, r))
	};
}
// shaders/activation.wgsl?raw
var F = "// Shared snippet, prepended to kernels that have a fused epilogue (conv2d, depthwise-conv2d, matmul, add).\n// activation (a uniform of the calling kernel): 0 none, 1 ReLU max(0,x), 2 ReLU6 clamp(x,0,6),\n//             3 PReLU / leaky ReLU: x >= 0 ? x : alpha[c] * x. Leaky ReLU is PReLU with the same alpha\n//             in every channel (the host fills the alpha row that way).\n// A uniform rather than an override: a kernel then compiles once per workgroup shape, not once per\n// activation as well (the three networks needed 35 pipelines that way, 23 this way; create() took\n// ~200 ms less on lavapipe), and the switch runs once per output vec4, after the whole reduction (warm\n// SSD time unchanged within noise).\n\nfn activate4(v: vec4<f32>, alpha: vec4<f32>, activation: u32) -> vec4<f32> {\n  switch activation {\n    case 1u: { return max(v, vec4<f32>(0.0)); }\n    case 2u: { return clamp(v, vec4<f32>(0.0), vec4<f32>(6.0)); }\n    case 3u: { return select(v * alpha, v, v >= vec4<f32>(0.0)); }\n    default: { return v; }\n  }\n}\n", xe = "// Shared snippet, prepended (after activation.wgsl) to the kernels whose output and residual are\n// float arrays: conv2d, depthwise-conv2d, matmul. It uses their `residual` and `output` bindings\n// (array<f32>). One output vec4 covers `lanes` (1-4) channels; the rest are padding that is neither read\n// nor written.\n// Component by component with constant indices: a loop over the lanes indexes the vector dynamically,\n// and lavapipe's JIT turns that into much more code to compile (a matmul pipeline took 0.8-1.8 s).\n\nfn residualLanes(base: u32, lanes: u32) -> vec4<f32> {\n  var r = vec4<f32>(residual[base], 0.0, 0.0, 0.0);\n  if (lanes > 1u) { r.y = residual[base + 1u]; }\n  if (lanes > 2u) { r.z = residual[base + 2u]; }\n  if (lanes > 3u) { r.w = residual[base + 3u]; }\n  return r;\n}\n\nfn storeLanes(base: u32, lanes: u32, y: vec4<f32>) {\n  output[base] = y.x;\n  if (lanes > 1u) { output[base + 1u] = y.y; }\n  if (lanes > 2u) { output[base + 2u] = y.z; }\n  if (lanes > 3u) { output[base + 3u] = y.w; }\n}\n", Se = "// Shared snippet: the epilogue of a thread's tile, several outputs of one output-channel group, for\n// conv2d, matmul and their subgroup kernels. Prepended with activation.wgsl and epilogue-lanes.wgsl; uses\n// the kernel's `channelParams` binding ([4][groups4] vec4: bias, scale, shift, alpha) and its\n// HAS_RESIDUAL override.\n// The tile holds `count` outputs (rows of a product, pixels of a convolution) first, first + 1, ...;\n// those at or past `limit` are not stored, nor is a channel group at or past `groups4`. Output i's\n// channels start at float (first + i) * channels + group4 * 4.\n// A loop whose bound is a uniform (`count`), which no compiler unrolls: four inlined copies of the\n// epilogue made lavapipe's JIT take 0.6-0.9 s per matmul pipeline and 0.57-0.69 s per conv2d pipeline,\n// the loop 0.26-0.31 s and 0.15-0.30 s (warm time unchanged). The channel parameters are read once.\n\n/** The most outputs a tile holds; kernels with smaller tiles leave the rest zero. */\nconst MAX_TILE: u32 = 8u;\n\nfn storeTile(tile: array<vec4<f32>, MAX_TILE>, first: u32, count: u32, limit: u32, group4: u32, groups4: u32,\n             channels: u32, activation: u32) {\n  if (group4 >= groups4) { return; }\n  let bias = channelParams[group4];\n  let scale = channelParams[groups4 + group4];\n  let shift = channelParams[2u * groups4 + group4];\n  let alpha = channelParams[3u * groups4 + group4];\n  let lanes = min(4u, channels - group4 * 4u);\n  for (var i = 0u; i < count; i++) {\n    let index = first + i;\n    if (index >= limit) { return; }\n    var y = (tile[i] + bias) * scale + shift;\n    let base = index * channels + group4 * 4u;\n    if (HAS_RESIDUAL) { y += residualLanes(base, lanes); }\n    storeLanes(base, lanes, activate4(y, alpha, activation));\n  }\n}\n", Ce = "// Shared snippet of the subgroup kernels (matmul-subgroup.wgsl, conv2d-subgroup.wgsl), after\n// epilogue-tile.wgsl (MAX_TILE); uses their LANES override and needs their `enable subgroups`.\n// A subgroup's tile has one row (or pixel) per lane: row r gains lane r's value `x` times this lane's\n// weight or filter vec4 `f`, so each lane gathers `x` once for all the lanes.\n\nfn accumulateShuffled(tile: ptr<function, array<vec4<f32>, MAX_TILE>>, x: f32, f: vec4<f32>) {\n  (*tile)[0] += subgroupShuffle(x, 0u) * f;\n  (*tile)[1] += subgroupShuffle(x, 1u) * f;\n  (*tile)[2] += subgroupShuffle(x, 2u) * f;\n  (*tile)[3] += subgroupShuffle(x, 3u) * f;\n  if (LANES == 8u) {\n    (*tile)[4] += subgroupShuffle(x, 4u) * f;\n    (*tile)[5] += subgroupShuffle(x, 5u) * f;\n    (*tile)[6] += subgroupShuffle(x, 6u) * f;\n    (*tile)[7] += subgroupShuffle(x, 7u) * f;\n  }\n}\n", we = "// Shared snippet of conv2d.wgsl and conv2d-subgroup.wgsl (layout, bindings and uniforms are described\n// there): their uniforms, bindings and window geometry.\n\nstruct Params {\n  inH: u32, inW: u32, inC: u32, outH: u32,\n  outW: u32, outC: u32, outC4: u32, pixels: u32,\n  kH: u32, kW: u32, strideH: u32, strideW: u32,\n  padTop: i32, padLeft: i32, activation: u32, tilePixels: u32,\n}\n\n@group(0) @binding(0) var<storage, read> input: array<f32>;\n@group(0) @binding(1) var<storage, read> weights: array<vec4<f32>>;\n@group(0) @binding(2) var<storage, read> channelParams: array<vec4<f32>>;\n@group(0) @binding(3) var<storage, read> residual: array<f32>;\n@group(0) @binding(4) var<storage, read_write> output: array<f32>;\n@group(0) @binding(5) var<uniform> p: Params;\n\n// Where output pixel `pixel` reads its window: the input row offset of its image and its top-left tap.\nstruct Origin { imageBase: u32, y0: i32, x0: i32, valid: bool }\n\nfn originOf(pixel: u32) -> Origin {\n  var o: Origin;\n  o.valid = pixel < p.pixels;\n  let q = min(pixel, p.pixels - 1u);\n  let ox = q % p.outW;\n  let oy = (q / p.outW) % p.outH;\n  let n = q / (p.outW * p.outH);\n  o.imageBase = n * p.inH * p.inW;\n  o.y0 = i32(oy * p.strideH) - p.padTop;\n  o.x0 = i32(ox * p.strideW) - p.padLeft;\n  return o;\n}\n\n// Input offset of channel 0 at tap (ky,kx) for a pixel, or -1 where the tap is padding.\nfn tapOffset(o: Origin, ky: u32, kx: u32) -> i32 {\n  let iy = o.y0 + i32(ky);\n  let ix = o.x0 + i32(kx);\n  if (!o.valid || iy < 0 || ix < 0 || iy >= i32(p.inH) || ix >= i32(p.inW)) { return -1; }\n  return i32((o.imageBase + u32(iy) * p.inW + u32(ix)) * p.inC);\n}\n", Te = "// conv2d: 2-D convolution with a fused epilogue. The host adds conv2d-common.wgsl (uniforms, bindings,\n// window geometry), activation.wgsl, epilogue-lanes.wgsl and epilogue-tile.wgsl.\n//\n// Layout: input NHWC f32 [N,H,W,Cin]; filter HWIO [kH,kW,Cin,Cout4*4] as vec4 over output channels,\n//         Cout zero-padded to a multiple of 4; output NHWC [N,outH,outW,Cout].\n// Epilogue per output channel c: y = (acc + bias[c]) * scale[c] + shift[c]; y += residual (if any);\n//         y = activation(y, alpha[c]).  (scale/shift carry a folded batch-norm.)\n// Padding: the host computes padTop/padLeft (TF-SAME puts the extra row/column at bottom/right, VALID\n//         is 0) and the output size; taps that fall outside the input read zero.\n// Bindings: 0 input, 1 weights (the filter), 2 channelParams ([4][Cout4] vec4: bias, scale, shift, alpha),\n//           3 residual (NHWC like output; read only when HAS_RESIDUAL), 4 output, 5 uniforms.\n// Uniforms: input/output sizes, filter size, strides, top/left padding; activation (activation.wgsl);\n//           tilePixels = 4, the pixels of a thread's tile (a uniform only so that the epilogue stays a loop:\n//           see epilogue-tile.wgsl).\n// Grid: x = output-channel group of 4, y = group of 4 consecutive output pixels (over N*outH*outW).\n//       Each thread accumulates a 4 pixel x 4 channel tile, so every filter vec4 feeds 4 pixels.\n// Overrides: WG_X * WG_Y threads per workgroup; HAS_RESIDUAL (see matmul.wgsl for why not a uniform).\n\noverride WG_X: u32 = 8u;\noverride WG_Y: u32 = 8u;\noverride HAS_RESIDUAL: bool = false;\n\n@compute @workgroup_size(WG_X, WG_Y)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>) {\n  let co4 = gid.x;\n  if (co4 >= p.outC4) { return; }\n  let firstPixel = gid.y * 4u;\n  if (firstPixel >= p.pixels) { return; }\n  let o0 = originOf(firstPixel);\n  let o1 = originOf(firstPixel + 1u);\n  let o2 = originOf(firstPixel + 2u);\n  let o3 = originOf(firstPixel + 3u);\n  var acc0 = vec4<f32>(0.0);\n  var acc1 = vec4<f32>(0.0);\n  var acc2 = vec4<f32>(0.0);\n  var acc3 = vec4<f32>(0.0);\n  for (var ky = 0u; ky < p.kH; ky++) {\n    for (var kx = 0u; kx < p.kW; kx++) {\n      // Taps in the padding read offset 0 and are multiplied by 0: no branch in the channel loop (a\n      // branch per load cost ~14% on lavapipe at the ResNet's shapes).\n      let t0 = tapOffset(o0, ky, kx);\n      let t1 = tapOffset(o1, ky, kx);\n      let t2 = tapOffset(o2, ky, kx);\n      let t3 = tapOffset(o3, ky, kx);\n      let inside = vec4<f32>(vec4<bool>(t0 >= 0, t1 >= 0, t2 >= 0, t3 >= 0));\n      let b0 = u32(max(t0, 0));\n      let b1 = u32(max(t1, 0));\n      let b2 = u32(max(t2, 0));\n      let b3 = u32(max(t3, 0));\n      var w = ((ky * p.kW + kx) * p.inC) * p.outC4 + co4;\n      for (var c = 0u; c < p.inC; c++) {\n        let f = weights[w];\n        acc0 += (input[b0 + c] * inside.x) * f;\n        acc1 += (input[b1 + c] * inside.y) * f;\n        acc2 += (input[b2 + c] * inside.z) * f;\n        acc3 += (input[b3 + c] * inside.w) * f;\n        w += p.outC4;\n      }\n    }\n  }\n  let zero = vec4<f32>(0.0);\n  let tile = array<vec4<f32>, MAX_TILE>(acc0, acc1, acc2, acc3, zero, zero, zero, zero);\n  storeTile(tile, firstPixel, p.tilePixels, p.pixels, co4, p.outC4, p.outC, p.activation);\n}\n", Ee = "// conv2d-subgroup: the same convolution and epilogue as conv2d.wgsl, for CPU adapters whose subgroups have\n// a fixed width of 8 or 4 (lavapipe, SwiftShader); the subgroup counterpart of conv2d.wgsl as\n// matmul-subgroup.wgsl is of matmul.wgsl (see there why: on a CPU every per-lane load is a gather). The\n// host puts conv2d-common.wgsl, activation.wgsl, epilogue-lanes.wgsl, epilogue-tile.wgsl and\n// subgroup-tile.wgsl after this file (the `enable` must come first).\n//\n// Layout, bindings, padding and epilogue: as conv2d.wgsl.\n// Uniforms: as conv2d.wgsl, with tilePixels = LANES.\n// Grid: one workgroup = one subgroup of LANES lanes; x = LANES output-channel groups of 4, one per lane;\n//       y = LANES consecutive output pixels. Lane i reads pixel i's input value for each tap and channel\n//       once (one gather) and shuffles it to the other lanes, so one filter vec4 feeds LANES pixels: with\n//       8 lanes 5 gathers for 32 multiply-adds, where conv2d.wgsl's 4-pixel tile spends 8 on 16.\n// Overrides: LANES, 8 or 4 (see matmul-subgroup.wgsl); HAS_RESIDUAL (see matmul.wgsl). Requires the\n//            `subgroups` feature (the host checks it and the width).\nenable subgroups;\n\noverride LANES: u32 = 8u;\noverride HAS_RESIDUAL: bool = false;\n\n@compute @workgroup_size(LANES)\nfn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(subgroup_invocation_id) lane: u32) {\n  // Lanes past the edge compute on clamped indices (every lane must reach each shuffle) and skip the store.\n  let column = group.x * LANES + lane;\n  let co4 = min(column, p.outC4 - 1u);\n  let firstPixel = group.y * LANES;\n  let own = originOf(firstPixel + lane);\n  var tile: array<vec4<f32>, MAX_TILE>;\n  for (var ky = 0u; ky < p.kH; ky++) {\n    for (var kx = 0u; kx < p.kW; kx++) {\n      // A tap in the padding reads offset 0 and is multiplied by 0 (no branch in the channel loop).\n      let tap = tapOffset(own, ky, kx);\n      let inside = f32(tap >= 0);\n      let base = u32(max(tap, 0));\n      var w = ((ky * p.kW + kx) * p.inC) * p.outC4 + co4;\n      for (var c = 0u; c < p.inC; c++) {\n        accumulateShuffled(&tile, input[base + c] * inside, weights[w]);\n        w += p.outC4;\n      }\n    }\n  }\n  storeTile(tile, firstPixel, p.tilePixels, p.pixels, column, p.outC4, p.outC, p.activation);\n}\n", De = "// Shared snippet of matmul.wgsl and matmul-subgroup.wgsl (layout, bindings and uniforms are described\n// there): their uniforms, bindings and input reads. loadRow4 uses the kernel's ALIGNED override.\n\nstruct Params {\n  m: u32, k: u32, n: u32, n4: u32,\n  activation: u32, tileRows: u32, _pad1: u32, _pad2: u32,\n}\n\n@group(0) @binding(0) var<storage, read> input: array<vec4<f32>>;\n@group(0) @binding(1) var<storage, read> weights: array<vec4<f32>>;\n@group(0) @binding(2) var<storage, read> channelParams: array<vec4<f32>>;\n@group(0) @binding(3) var<storage, read> residual: array<f32>;\n@group(0) @binding(4) var<storage, read_write> output: array<f32>;\n@group(0) @binding(5) var<uniform> p: Params;\n\nfn element(index: u32) -> f32 {\n  return input[index / 4u][index % 4u];\n}\n\n// Input row `row` (starting at float offset rowBase), columns 4*k4 .. 4*k4+3.\nfn loadRow4(rowBase: u32, k4: u32) -> vec4<f32> {\n  if (ALIGNED) { return input[rowBase / 4u + k4]; }\n  let e = rowBase + k4 * 4u;\n  return vec4<f32>(element(e), element(e + 1u), element(e + 2u), element(e + 3u));\n}\n", Oe = "// matmul: fully connected layer, [M,K] x [K,N], with the fused epilogue; also every 1×1, stride-1,\n// unpadded convolution (conv2d routes them here: NHWC [N,H,W,Cin] is [N*H*W, Cin] and the HWIO filter\n// with kH = kW = 1 is [Cin, Cout]). The host adds matmul-common.wgsl (uniforms, bindings, input reads),\n// activation.wgsl, epilogue-lanes.wgsl and epilogue-tile.wgsl.\n//\n// Layout: input f32 [M,K] row-major (any tensor, flattened; e.g. NHWC [B,1,1,K]), bound as vec4 because\n//         every buffer is padded to 16 bytes; weights [K, N4*4] row-major as vec4 over output columns,\n//         N zero-padded to a multiple of 4 (the TF [K,N] layout); output f32 [M,N] row-major.\n// Epilogue per column c: y = (acc + bias[c]) * scale[c] + shift[c]; y += residual (if any);\n//         y = activation(y, alpha[c]).\n// Bindings: 0 input, 1 weights, 2 channelParams ([4][N4] vec4: bias, scale, shift, alpha), 3 residual\n//           ([M,N] like the output; read only when HAS_RESIDUAL), 4 output, 5 uniforms.\n// Uniforms: m, k, n, n4 = ceil(N / 4); activation (activation.wgsl); tileRows = 4, the rows of a thread's\n//           tile (a uniform only so that the epilogue stays a loop: see epilogue-tile.wgsl).\n// Grid: x = column group of 4, y = group of 4 rows; each thread accumulates a 4 row x 4 column tile,\n//       so every weight vec4 feeds 4 rows and every input vec4 feeds 4 columns.\n//       z (within a workgroup only) = slice of K: with K_SPLIT > 1 the K_SPLIT threads of one tile take\n//       every K_SPLIT-th group of 4 k's and add their partial tiles through workgroup memory. That is for\n//       small M (a batch of 1-32 embeddings), where the output tiles alone cannot occupy a GPU.\n// Overrides: WG_X * WG_Y * K_SPLIT threads per workgroup; ALIGNED: K % 4 == 0, so every input row starts\n//            on a vec4 and is read as vec4s (otherwise element by element); HAS_RESIDUAL (an override,\n//            not a uniform: the residual path left in the code cost 5-7% of the SSD's time on lavapipe).\n// On lavapipe this 4×4 tile measured best for the SSD detector's 1×1 convolutions (4×8: +3%, 4×16: +60%,\n// 8×8: +29%, 1×1: +107% time; conv2d.wgsl's windowed loop: +33%).\n\noverride WG_X: u32 = 8u;\noverride WG_Y: u32 = 8u;\noverride K_SPLIT: u32 = 1u;\noverride ALIGNED: bool = true;\noverride HAS_RESIDUAL: bool = false;\n\n// Partial tiles of the K slices 1..K_SPLIT-1 (slice 0 sums them); one element when K_SPLIT == 1.\nvar<workgroup> partials: array<array<vec4<f32>, 4>, WG_X * WG_Y * (K_SPLIT - 1u) + 1u>;\n\n@compute @workgroup_size(WG_X, WG_Y, K_SPLIT)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {\n  // Threads past the edge compute on clamped indices and skip the store: none may leave before the barrier.\n  let col4 = min(gid.x, p.n4 - 1u);\n  let firstRow = gid.y * 4u;\n  let last = p.m - 1u;\n  let base0 = min(firstRow, last) * p.k;\n  let base1 = min(firstRow + 1u, last) * p.k;\n  let base2 = min(firstRow + 2u, last) * p.k;\n  let base3 = min(firstRow + 3u, last) * p.k;\n  var acc0 = vec4<f32>(0.0);\n  var acc1 = vec4<f32>(0.0);\n  var acc2 = vec4<f32>(0.0);\n  var acc3 = vec4<f32>(0.0);\n  let k4s = p.k / 4u;\n  let stride = p.n4 * 4u * K_SPLIT;\n  var w = lid.z * 4u * p.n4 + col4;\n  for (var k4 = lid.z; k4 < k4s; k4 += K_SPLIT) {\n    let b0 = weights[w];\n    let b1 = weights[w + p.n4];\n    let b2 = weights[w + 2u * p.n4];\n    let b3 = weights[w + 3u * p.n4];\n    let a0 = loadRow4(base0, k4);\n    let a1 = loadRow4(base1, k4);\n    let a2 = loadRow4(base2, k4);\n    let a3 = loadRow4(base3, k4);\n    acc0 += a0.x * b0 + a0.y * b1 + a0.z * b2 + a0.w * b3;\n    acc1 += a1.x * b0 + a1.y * b1 + a1.z * b2 + a1.w * b3;\n    acc2 += a2.x * b0 + a2.y * b1 + a2.z * b2 + a2.w * b3;\n    acc3 += a3.x * b0 + a3.y * b1 + a3.z * b2 + a3.w * b3;\n    w += stride;\n  }\n  // The last K % 4 columns, one k at a time (none when ALIGNED: the override drops the loop).\n  if (!ALIGNED) {\n    for (var k = k4s * 4u + lid.z; k < p.k; k += K_SPLIT) {\n      let b = weights[k * p.n4 + col4];\n      acc0 += element(base0 + k) * b;\n      acc1 += element(base1 + k) * b;\n      acc2 += element(base2 + k) * b;\n      acc3 += element(base3 + k) * b;\n    }\n  }\n  if (K_SPLIT > 1u) {\n    let tile = lid.y * WG_X + lid.x;\n    if (lid.z > 0u) {\n      partials[(lid.z - 1u) * WG_X * WG_Y + tile] = array<vec4<f32>, 4>(acc0, acc1, acc2, acc3);\n    }\n    workgroupBarrier();\n    if (lid.z > 0u) { return; }\n    for (var s = 0u; s + 1u < K_SPLIT; s++) {\n      let t = partials[s * WG_X * WG_Y + tile];\n      acc0 += t[0];\n      acc1 += t[1];\n      acc2 += t[2];\n      acc3 += t[3];\n    }\n  }\n  let zero = vec4<f32>(0.0);\n  let tile = array<vec4<f32>, MAX_TILE>(acc0, acc1, acc2, acc3, zero, zero, zero, zero);\n  storeTile(tile, firstRow, p.tileRows, p.m, gid.x, p.n4, p.n, p.activation);\n}\n", ke = "// matmul-subgroup: the same product and epilogue as matmul.wgsl ([M,K] x [K,N], fused epilogue; also the\n// 1×1 convolutions), for CPU adapters whose subgroups have a fixed width of 8 (lavapipe) or 4\n// (SwiftShader, Chrome's WebGPU without a GPU). The host puts matmul-common.wgsl, activation.wgsl,\n// epilogue-lanes.wgsl, epilogue-tile.wgsl and subgroup-tile.wgsl after this file (the `enable` must\n// come first; WGSL lets a function be used before it is declared).\n//\n// Why a second kernel: on a CPU, every storage load whose address differs across lanes is a gather, one\n// per vector component, and matmul.wgsl's 4-row x 4-column tile spends 32 of them on 64 multiply-adds per\n// 4 k's; gathers, not arithmetic, set its speed on lavapipe. Here the LANES lanes of a subgroup compute\n// LANES rows x LANES column groups: lane i gathers input row i once (4 gathers) and hands it to the others\n// with subgroupShuffle (a register permute on a CPU); with 8 lanes each 4 k's cost 20 gathers for 128\n// multiply-adds. Measured on lavapipe at the SSD's 1×1 shapes: 2.3-2.8x faster than matmul.wgsl, the\n// same result bit for bit (the same sums in the same order).\n//\n// Layout: as matmul.wgsl: input f32 [M,K] as vec4 (rows start on a vec4 when ALIGNED), weights [K, N4*4]\n//         as vec4 over output columns, output f32 [M,N].\n// Bindings: 0 input, 1 weights, 2 channelParams ([4][N4] vec4: bias, scale, shift, alpha), 3 residual\n//           (read only when HAS_RESIDUAL), 4 output, 5 uniforms.\n// Uniforms: m, k, n, n4; activation (activation.wgsl); tileRows = LANES (a uniform only so that the\n//           epilogue stays a loop, see epilogue-tile.wgsl).\n// Grid: one workgroup = one subgroup of LANES lanes (so the lanes that share rows are one subgroup by\n//       construction, whatever order a driver gives invocations); x = LANES column groups of 4, one per\n//       lane; y = LANES rows.\n// Overrides: LANES, 8 or 4: the device's subgroup width (a workgroup must lie in one subgroup; the tests\n//            also run 4 on an 8-wide device); ALIGNED (K % 4 == 0), HAS_RESIDUAL (see matmul.wgsl).\n//            Requires the `subgroups` feature (the host checks it and the width).\nenable subgroups;\n\noverride LANES: u32 = 8u;\noverride ALIGNED: bool = true;\noverride HAS_RESIDUAL: bool = false;\n\n// Row `firstRow + r` of this lane's column group gains a.x * b0 + ... (one k per component of a).\nfn fma4(acc: vec4<f32>, a: vec4<f32>, b0: vec4<f32>, b1: vec4<f32>, b2: vec4<f32>, b3: vec4<f32>) -> vec4<f32> {\n  return acc + (a.x * b0 + a.y * b1 + a.z * b2 + a.w * b3);\n}\n\n@compute @workgroup_size(LANES)\nfn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(subgroup_invocation_id) lane: u32) {\n  // Lanes past the edge compute on clamped indices (every lane must reach each shuffle) and skip the store.\n  let column = group.x * LANES + lane;\n  let col4 = min(column, p.n4 - 1u);\n  let firstRow = group.y * LANES;\n  let ownRowBase = min(firstRow + lane, p.m - 1u) * p.k;\n  var tile: array<vec4<f32>, MAX_TILE>;\n  let k4s = p.k / 4u;\n  var w = col4;\n  for (var k4 = 0u; k4 < k4s; k4++) {\n    let own = loadRow4(ownRowBase, k4);\n    let b0 = weights[w];\n    let b1 = weights[w + p.n4];\n    let b2 = weights[w + 2u * p.n4];\n    let b3 = weights[w + 3u * p.n4];\n    tile[0] = fma4(tile[0], subgroupShuffle(own, 0u), b0, b1, b2, b3);\n    tile[1] = fma4(tile[1], subgroupShuffle(own, 1u), b0, b1, b2, b3);\n    tile[2] = fma4(tile[2], subgroupShuffle(own, 2u), b0, b1, b2, b3);\n    tile[3] = fma4(tile[3], subgroupShuffle(own, 3u), b0, b1, b2, b3);\n    if (LANES == 8u) {\n      tile[4] = fma4(tile[4], subgroupShuffle(own, 4u), b0, b1, b2, b3);\n      tile[5] = fma4(tile[5], subgroupShuffle(own, 5u), b0, b1, b2, b3);\n      tile[6] = fma4(tile[6], subgroupShuffle(own, 6u), b0, b1, b2, b3);\n      tile[7] = fma4(tile[7], subgroupShuffle(own, 7u), b0, b1, b2, b3);\n    }\n    w += 4u * p.n4;\n  }\n  // The last K % 4 columns, one k at a time (none when ALIGNED: the override drops the loop).\n  if (!ALIGNED) {\n    for (var k = k4s * 4u; k < p.k; k++) {\n      accumulateShuffled(&tile, element(ownRowBase + k), weights[k * p.n4 + col4]);\n    }\n  }\n  storeTile(tile, firstRow, p.tileRows, p.m, column, p.n4, p.n, p.activation);\n}\n", Ae = { kind: "none" };
function I(e = Ae) {
	switch (e.kind) {
		case "none": return 0;
		case "relu": return 1;
		case "relu6": return 2;
		case "leaky":
		case "prelu": return 3;
	}
}
var L = (e) => Math.ceil(e / 4) * 4;
function je(e, t) {
	let n = L(e), r = new Float32Array(4 * n);
	[
		[t.bias, 0],
		[t.scale, 1],
		[t.shift, 0]
	].forEach(([t, i], a) => {
		if (t && t.length !== e) throw Error(`epilogue: ${t.length} values for ${e} channels`);
		for (let o = 0; o < e; o++) r[a * n + o] = t ? t[o] : i;
	});
	let i = t.activation ?? Ae;
	for (let t = 0; t < e; t++) r[3 * n + t] = i.kind === "leaky" ? i.alpha : i.kind === "prelu" ? i.alpha[t] : 0;
	if (i.kind === "prelu" && i.alpha.length !== e) throw Error(`epilogue: PReLU has ${i.alpha.length} alphas for ${e} channels`);
	return r;
}
function R(e, t, n, r) {
	return T(e, je(t, n), `${r}.channelParams`);
}
// src/engine/kernels/matmul.ts
var Me = De + F + xe + Se, Ne = Oe + Me, Pe = ke + Me + Ce;
function Fe(e, t, n = "matmul") {
	let { k: r, n: i, weights: a } = t;
	if (a.length !== r * i) throw Error(`${n}: ${a.length} weights for [${r},${i}]`);
	let o = L(i), s = a;
	if (o !== i) {
		s = new Float32Array(r * o);
		for (let e = 0; e < r; e++) s.set(a.subarray(e * i, (e + 1) * i), e * o);
	}
	return {
		k: r,
		n: i,
		buffer: T(e, s, `${n}.weights`),
		channelParams: R(e, i, t, n),
		activationCode: I(t.activation)
	};
}
var Ie = 4, Le = (e) => 2 ** Math.ceil(Math.log2(Math.max(1, e))), Re = 256, ze = 2048, Be = 8, Ve = {
	wgX: 8,
	wgY: 8,
	kSplit: 1
}, He = (e) => e === 4 || e === 8;
function Ue(e) {
	let t = e.fixedSubgroupSize;
	return e.software && He(t) ? { subgroupLanes: t } : void 0;
}
function We(e, t, n) {
	let r = e.fixedSubgroupSize;
	if (!He(t.subgroupLanes) || r === void 0 || r < t.subgroupLanes) throw Error(`${n}: a subgroup kernel of ${t.subgroupLanes} lanes needs the subgroups feature and subgroups at least that wide`);
}
function Ge(e, t, n, r) {
	return Ue(e) ?? Ke(e, t, n, r);
}
function Ke(e, t, n, r) {
	return e.software ? Ve : qe(t, n, r);
}
function qe(e, t, n, r) {
	let i = Math.ceil(e / 4), a = Math.ceil(n / 4), o = Math.min(Le(i), 8), s = Math.min(Le(a), 64 / o), c = 1;
	if (r !== void 0) c = r;
	else {
		let e = Math.floor(t / 4);
		for (; i * a * c < ze && e >= Be * c * 2 && s * o * c * 2 <= Re;) c *= 2;
	}
	if (!Number.isInteger(c) || c < 1 || s * o * c > Re) throw Error(`matmul: kSplit ${c} with a ${s}x${o} workgroup is out of range`);
	return {
		wgX: s,
		wgY: o,
		kSplit: c
	};
}
function Je(e, t, n, r = {}) {
	let i = r.label ?? "matmul", { k: a, n: o } = n, s = C(t.shape);
	if (s === 0 || s % a !== 0) throw Error(`${i}: input [${t.shape}] does not flatten to rows of ${a} features`);
	let c = s / a, l = [c, o], u = r.output ?? w(e, l, `${i}.out`);
	if (C(u.shape) !== c * o) throw Error(`${i}: output tensor has the wrong size`);
	if (r.residual && C(r.residual.shape) !== c * o) throw Error(`${i}: residual [${r.residual.shape}] does not match the output's ${c * o} elements`);
	let d = L(o) / 4, f = r.config ?? Ge(e, c, a, o), p = "subgroupLanes" in f;
	p && We(e, f, i);
	let m = p ? f.subgroupLanes : Ie, h = {
		ALIGNED: +(a % 4 == 0),
		HAS_RESIDUAL: +!!r.residual
	}, g = p ? e.pipeline("matmul-subgroup", Pe, {
		LANES: f.subgroupLanes,
		...h
	}) : e.pipeline("matmul", Ne, {
		WG_X: f.wgX,
		WG_Y: f.wgY,
		K_SPLIT: f.kSplit,
		...h
	}), _ = E(e, [
		{ u32: c },
		{ u32: a },
		{ u32: o },
		{ u32: d },
		{ u32: n.activationCode },
		{ u32: m },
		{ u32: 0 },
		{ u32: 0 }
	], `${i}.uniforms`), v = r.residual?.buffer ?? A(e), y = p ? [
		k(e, d, f.subgroupLanes),
		k(e, c, m),
		1
	] : [
		k(e, d, f.wgX),
		k(e, Math.ceil(c / m), f.wgY),
		1
	];
	return O(e, i, g, [
		t.buffer,
		n.buffer,
		n.channelParams,
		v,
		u.buffer,
		_
	], y, u);
}
// src/engine/kernels/padding.ts
function Ye(e, t, n, r, i) {
	if (r === "same") {
		let r = Math.ceil(e / n), i = Math.max((r - 1) * n + t - e, 0);
		return {
			out: r,
			pad: Math.floor(i / 2)
		};
	}
	if (r === "valid") return {
		out: Math.ceil((e - t + 1) / n),
		pad: 0
	};
	let a = i === "top" ? r.top : r.left, o = i === "top" ? r.bottom : r.right;
	return {
		out: Math.floor((e + a + o - t) / n) + 1,
		pad: a
	};
}
function z(e, t, n, r, i, a, o) {
	let s = Ye(e, n, i, o, "top"), c = Ye(t, r, a, o, "left");
	if (s.out <= 0 || c.out <= 0) throw Error(`window ${n}x${r} stride ${i} does not fit a ${e}x${t} input`);
	return {
		outH: s.out,
		outW: c.out,
		padTop: s.pad,
		padLeft: c.pad
	};
}
// src/engine/kernels/conv2d.ts
var Xe = we + F + xe + Se, Ze = Te + Xe, Qe = Ee + Xe + Ce, $e = 4;
function B(e, t, n = "conv2d") {
	let { kH: r, kW: i, inC: a, outC: o, weights: s } = t;
	if (s.length !== r * i * a * o) throw Error(`${n}: ${s.length} weights for [${r},${i},${a},${o}]`);
	let c = L(o), l = s;
	if (c !== o) {
		l = new Float32Array(r * i * a * c);
		for (let e = 0; e < r * i * a; e++) l.set(s.subarray(e * o, (e + 1) * o), e * c);
	}
	return {
		kH: r,
		kW: i,
		inC: a,
		outC: o,
		buffer: T(e, l, `${n}.filter`),
		channelParams: R(e, o, t, n),
		activationCode: I(t.activation)
	};
}
function et(e, t, n) {
	let [r, i] = V(n.stride), a = z(e[1], e[2], t.kH, t.kW, r, i, n.padding);
	return [
		e[0],
		a.outH,
		a.outW,
		t.outC
	];
}
var V = (e = 1) => typeof e == "number" ? [e, e] : e;
function tt(e, t, n, r) {
	let i = r.label ?? "conv2d", [a, o, s, c] = t.shape;
	if (c !== n.inC) throw Error(`${i}: input has ${c} channels, filter expects ${n.inC}`);
	let [l, u] = V(r.stride), d = z(o, s, n.kH, n.kW, l, u, r.padding), f = [
		a,
		d.outH,
		d.outW,
		n.outC
	], p = r.output ?? w(e, f, `${i}.out`);
	if (C(p.shape) !== C(f)) throw Error(`${i}: output tensor has the wrong size`);
	if (r.residual && C(r.residual.shape) !== C(f)) throw Error(`${i}: residual [${r.residual.shape}] does not match output [${f}]`);
	let m = L(n.outC) / 4, h = a * d.outH * d.outW, g = r.kernel ?? Ue(e) ?? "tiled", _ = g === "tiled" ? void 0 : g;
	if (nt(t.shape, n, r)) {
		let a = {
			k: n.inC,
			n: n.outC,
			buffer: n.buffer,
			channelParams: n.channelParams,
			activationCode: n.activationCode
		}, o = _ ?? Ke(e, h, n.inC, n.outC);
		return Je(e, t, a, {
			output: p,
			residual: r.residual,
			label: i,
			config: o
		});
	}
	_ && We(e, _, i);
	let v = r.residual?.buffer ?? A(e), y = _ ? _.subgroupLanes : $e, ee = { HAS_RESIDUAL: +!!r.residual }, b, x;
	if (_) b = e.pipeline("conv2d-subgroup", Qe, {
		LANES: _.subgroupLanes,
		...ee
	}), x = [
		k(e, m, _.subgroupLanes),
		k(e, h, y),
		1
	];
	else {
		let t = Math.min(m <= 2 ? 2 : m <= 4 ? 4 : 8, 8), n = 64 / t;
		b = e.pipeline("conv2d", Ze, {
			WG_X: t,
			WG_Y: n,
			...ee
		}), x = [
			k(e, m, t),
			k(e, Math.ceil(h / y), n),
			1
		];
	}
	let S = E(e, [
		{ u32: o },
		{ u32: s },
		{ u32: c },
		{ u32: d.outH },
		{ u32: d.outW },
		{ u32: n.outC },
		{ u32: m },
		{ u32: h },
		{ u32: n.kH },
		{ u32: n.kW },
		{ u32: l },
		{ u32: u },
		{ i32: d.padTop },
		{ i32: d.padLeft },
		{ u32: n.activationCode },
		{ u32: y }
	], `${i}.uniforms`);
	return O(e, i, b, [
		t.buffer,
		n.buffer,
		n.channelParams,
		v,
		p.buffer,
		S
	], x, p);
}
function nt(e, t, n) {
	let [r, i] = V(n.stride);
	if (t.kH !== 1 || t.kW !== 1 || r !== 1 || i !== 1) return !1;
	let a = z(e[1], e[2], 1, 1, 1, 1, n.padding);
	return a.padTop === 0 && a.padLeft === 0 && a.outH === e[1] && a.outW === e[2];
}
// shaders/depthwise-conv2d.wgsl?raw
var rt = "// depthwise-conv2d: per-channel 2-D convolution (channel multiplier 1) with the fused epilogue of\n// conv2d. Prefixed with activation.wgsl and epilogue-lanes.wgsl by the host.\n//\n// Layout: input NHWC f32 [N,H,W,C]; filter [kH,kW,C4*4] as vec4 over channels (TF's [kH,kW,C,1]\n//         with C zero-padded to a multiple of 4); output NHWC [N,outH,outW,C]. Input and output keep\n//         exactly C channels; only the filter and channelParams are padded.\n// Epilogue per channel c: y = (acc + bias[c]) * scale[c] + shift[c]; y += residual (if any);\n//         y = activation(y, alpha[c]).\n// Padding: the host computes padTop/padLeft (TF-SAME, VALID or explicit) and the output size; taps\n//         outside the input contribute nothing.\n// Bindings: 0 input, 1 weights (the filter), 2 channelParams ([4][C4] vec4: bias, scale, shift, alpha),\n//           3 residual (NHWC like output; read only when HAS_RESIDUAL), 4 output, 5 uniforms.\n// Uniforms: input/output sizes, thread count, filter size, strides, top/left padding; activation\n//           (activation.wgsl); xGroups = ceil(outW / tilePixels); tilePixels = 4 (a uniform only so that\n//           the epilogue stays a loop, see matmul.wgsl's storeTile).\n// Grid: one thread per (4 horizontally adjacent output pixels of a row, group of 4 channels), channel\n//       group fastest so that neighbouring threads read neighbouring memory; threads =\n//       N*outH*xGroups*C4 laid out by grid.ts (2-D past the per-dimension workgroup limit). Each filter\n//       vec4 is loaded once for the 4 pixels: on a CPU adapter every per-thread load is a gather, and one\n//       pixel a thread spent 72 of them on 36 multiply-adds. On lavapipe at the SSD's shapes the SSD's\n//       depthwise layers take 143-155 ms instead of 190-209 (its JIT takes 0.26-0.33 s per pipeline\n//       instead of 0.15: four pixels are four inlined reads, and a loop over them measured slower\n//       than one pixel a thread).\n// Overrides: WG threads per workgroup; HAS_RESIDUAL (see matmul.wgsl); RELU_INPUT applies max(0,x) to\n//            every input value as it is read (the landmark net's dense blocks convolve relu(sum) while\n//            keeping the sum).\n\nstruct Params {\n  inH: u32, inW: u32, channels: u32, channels4: u32,\n  outH: u32, outW: u32, threads: u32, kH: u32,\n  kW: u32, strideH: u32, strideW: u32, padTop: i32,\n  padLeft: i32, activation: u32, xGroups: u32, tilePixels: u32,\n}\n\n@group(0) @binding(0) var<storage, read> input: array<f32>;\n@group(0) @binding(1) var<storage, read> weights: array<vec4<f32>>;\n@group(0) @binding(2) var<storage, read> channelParams: array<vec4<f32>>;\n@group(0) @binding(3) var<storage, read> residual: array<f32>;\n@group(0) @binding(4) var<storage, read_write> output: array<f32>;\n@group(0) @binding(5) var<uniform> p: Params;\n\noverride WG: u32 = 64u;\noverride HAS_RESIDUAL: bool = false;\noverride RELU_INPUT: bool = false;\n\n// Four consecutive channels starting at `base`, of which `lanes` exist; the rest read as zero (never\n// past the end of the buffer, and never the next pixel's channels, which could be Inf).\nfn load4(base: u32, lanes: u32) -> vec4<f32> {\n  var v = vec4<f32>(input[base], 0.0, 0.0, 0.0);\n  if (lanes > 1u) { v.y = input[base + 1u]; }\n  if (lanes > 2u) { v.z = input[base + 2u]; }\n  if (lanes > 3u) { v.w = input[base + 3u]; }\n  return v;\n}\n\n// The epilogue of a thread's pixels (one channel group, so its channel parameters are read once), in a\n// loop bounded by a uniform (see matmul.wgsl's storeTile). Pixels past the row's end are not stored.\nfn storeTile(firstPixel: u32, firstX: u32, c4: u32, tile: array<vec4<f32>, 4>) {\n  let c0 = c4 * 4u;\n  let lanes = min(4u, p.channels - c0);\n  let bias = channelParams[c4];\n  let scale = channelParams[p.channels4 + c4];\n  let shift = channelParams[2u * p.channels4 + c4];\n  let alpha = channelParams[3u * p.channels4 + c4];\n  for (var i = 0u; i < p.tilePixels; i++) {\n    if (firstX + i >= p.outW) { return; }\n    var y = (tile[i] + bias) * scale + shift;\n    let base = (firstPixel + i) * p.channels + c0;\n    if (HAS_RESIDUAL) { y += residualLanes(base, lanes); }\n    storeLanes(base, lanes, activate4(y, alpha, p.activation));\n  }\n}\n\n// Input channels c0.. of column `ix` in the row starting at pixel `rowBase`, or zero when `ix` is padding.\nfn tap(rowBase: u32, ix: i32, c0: u32, lanes: u32) -> vec4<f32> {\n  let inside = ix >= 0 && ix < i32(p.inW);\n  var x = load4((rowBase + u32(clamp(ix, 0, i32(p.inW) - 1))) * p.channels + c0, lanes) * f32(inside);\n  if (RELU_INPUT) { x = max(x, vec4<f32>(0.0)); }\n  return x;\n}\n\n@compute @workgroup_size(WG)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {\n  let t = gid.y * groups.x * WG + gid.x;\n  if (t >= p.threads) { return; }\n  let c4 = t % p.channels4;\n  let group = t / p.channels4;\n  let firstX = (group % p.xGroups) * 4u;\n  let oy = (group / p.xGroups) % p.outH;\n  let n = group / (p.xGroups * p.outH);\n  let y0 = i32(oy * p.strideH) - p.padTop;\n  let x0 = i32(firstX * p.strideW) - p.padLeft;\n  let xStep = i32(p.strideW);\n  let c0 = c4 * 4u;\n  let lanes = min(4u, p.channels - c0);\n  let imageBase = n * p.inH;\n\n  var acc0 = vec4<f32>(0.0);\n  var acc1 = vec4<f32>(0.0);\n  var acc2 = vec4<f32>(0.0);\n  var acc3 = vec4<f32>(0.0);\n  for (var ky = 0u; ky < p.kH; ky++) {\n    let iy = y0 + i32(ky);\n    if (iy < 0 || iy >= i32(p.inH)) { continue; }\n    let rowBase = (imageBase + u32(iy)) * p.inW;\n    let tapRow = ky * p.kW;\n    for (var kx = 0u; kx < p.kW; kx++) {\n      let w = weights[(tapRow + kx) * p.channels4 + c4];\n      let ix = x0 + i32(kx);\n      acc0 += tap(rowBase, ix, c0, lanes) * w;\n      acc1 += tap(rowBase, ix + xStep, c0, lanes) * w;\n      acc2 += tap(rowBase, ix + 2 * xStep, c0, lanes) * w;\n      acc3 += tap(rowBase, ix + 3 * xStep, c0, lanes) * w;\n    }\n  }\n  storeTile((n * p.outH + oy) * p.outW + firstX, firstX, c4, array<vec4<f32>, 4>(acc0, acc1, acc2, acc3));\n}\n";
// src/engine/kernels/grid.ts
function H(e, t, n) {
	let r = Math.max(1, Math.ceil(t / n)), i = e.limits.maxComputeWorkgroupsPerDimension;
	if (r <= i) return [
		r,
		1,
		1
	];
	let a = Math.ceil(r / i);
	if (a > i) throw Error(`dispatch of ${t} threads exceeds the device's workgroup limits`);
	return [
		Math.ceil(r / a),
		a,
		1
	];
}
// src/engine/kernels/depthwise-conv2d.ts
var it = F + xe + rt, at = 4, ot = 64;
function st(e, t, n = "depthwise-conv2d") {
	let { kH: r, kW: i, channels: a, weights: o } = t;
	if (o.length !== r * i * a) throw Error(`${n}: ${o.length} weights for [${r},${i},${a},1]`);
	let s = L(a), c = o;
	if (s !== a) {
		c = new Float32Array(r * i * s);
		for (let e = 0; e < r * i; e++) c.set(o.subarray(e * a, (e + 1) * a), e * s);
	}
	return {
		kH: r,
		kW: i,
		channels: a,
		buffer: T(e, c, `${n}.filter`),
		channelParams: R(e, a, t, n),
		activationCode: I(t.activation)
	};
}
var ct = (e = 1) => typeof e == "number" ? [e, e] : e;
function lt(e, t, n) {
	let [r, i] = ct(n.stride), a = z(e[1], e[2], t.kH, t.kW, r, i, n.padding);
	return [
		e[0],
		a.outH,
		a.outW,
		e[3]
	];
}
function ut(e, t, n, r) {
	let i = r.label ?? "depthwise-conv2d", [a, o, s, c] = t.shape;
	if (c !== n.channels) throw Error(`${i}: input has ${c} channels, filter expects ${n.channels}`);
	let [l, u] = ct(r.stride), d = z(o, s, n.kH, n.kW, l, u, r.padding), f = [
		a,
		d.outH,
		d.outW,
		c
	], p = r.output ?? w(e, f, `${i}.out`);
	if (C(p.shape) !== C(f)) throw Error(`${i}: output tensor has the wrong size`);
	if (r.residual && C(r.residual.shape) !== C(f)) throw Error(`${i}: residual [${r.residual.shape}] does not match output [${f}]`);
	let m = L(c) / 4, h = Math.ceil(d.outW / at), g = a * d.outH * h * m, _ = e.pipeline("depthwise-conv2d", it, {
		WG: ot,
		HAS_RESIDUAL: +!!r.residual,
		RELU_INPUT: +!!r.reluInput
	}), v = E(e, [
		{ u32: o },
		{ u32: s },
		{ u32: c },
		{ u32: m },
		{ u32: d.outH },
		{ u32: d.outW },
		{ u32: g },
		{ u32: n.kH },
		{ u32: n.kW },
		{ u32: l },
		{ u32: u },
		{ i32: d.padTop },
		{ i32: d.padLeft },
		{ u32: n.activationCode },
		{ u32: h },
		{ u32: at }
	], `${i}.uniforms`), y = r.residual?.buffer ?? A(e);
	return O(e, i, _, [
		t.buffer,
		n.buffer,
		n.channelParams,
		y,
		p.buffer,
		v
	], H(e, g, ot), p);
}
// src/engine/kernels/add.ts
var dt = F + "// add: elementwise a + b of two equal-sized tensors with an optional fused activation (residual sums such\n// as relu(out1 + out2)). Prefixed with activation.wgsl by the host.\n//\n// Layout: any shape, flat; bound as vec4 (every buffer is padded to 16 bytes). The lanes of the last vec4\n//         past the tensor's end are padding: they are computed from the inputs' padding and never read.\n// Bindings: 0 a, 1 b, 2 output (must not alias a or b), 3 uniforms.\n// Uniforms: count4 = ceil(elements / 4); alpha = the leaky-ReLU slope (activation 3); activation\n//           (activation.wgsl).\n// Grid: x = one vec4 per thread.\n// Overrides: WG threads per workgroup.\n\nstruct Params {\n  count4: u32, alpha: f32, activation: u32, _pad0: u32,\n}\n\n@group(0) @binding(0) var<storage, read> a: array<vec4<f32>>;\n@group(0) @binding(1) var<storage, read> b: array<vec4<f32>>;\n@group(0) @binding(2) var<storage, read_write> output: array<vec4<f32>>;\n@group(0) @binding(3) var<uniform> p: Params;\n\noverride WG: u32 = 64u;\n\n@compute @workgroup_size(WG)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>) {\n  let i = gid.x;\n  if (i >= p.count4) { return; }\n  output[i] = activate4(a[i] + b[i], vec4<f32>(p.alpha), p.activation);\n}\n", ft = 64;
function pt(e, t, n, r = {}) {
	let i = r.label ?? "add", a = C(t.shape);
	if (C(n.shape) !== a) throw Error(`${i}: [${t.shape}] + [${n.shape}] differ in size`);
	let o = r.output ?? w(e, t.shape, `${i}.out`);
	if (C(o.shape) !== a) throw Error(`${i}: output tensor has the wrong size`);
	if (o.buffer === t.buffer || o.buffer === n.buffer) throw Error(`${i}: cannot add in place`);
	let s = r.activation ?? { kind: "none" }, c = Math.ceil(a / 4), l = e.pipeline("add", dt, { WG: ft }), u = E(e, [
		{ u32: c },
		{ f32: s.kind === "leaky" ? s.alpha : 0 },
		{ u32: I(s) },
		{ u32: 0 }
	], `${i}.uniforms`);
	return O(e, i, l, [
		t.buffer,
		n.buffer,
		o.buffer,
		u
	], [
		k(e, c, ft),
		1,
		1
	], o);
}
// shaders/global-mean.wgsl?raw
var mt = "// global-mean: mean over H and W for every (image, channel): [N,H,W,C] -> [N,1,1,C].\n//\n// Layout: input NHWC f32 [N,H,W,C]; output [N,1,1,C] (= [N,C]).\n// Bindings: 0 input, 1 output, 2 uniforms.\n// Grid: x = group of WG_X channels, y = image. In a workgroup, lane (lx, ly) sums channel\n//       group*WG_X+lx over pixels ly, ly+WG_Y, ly+2*WG_Y, ... (neighbouring lanes read neighbouring\n//       channels); the WG_Y partial sums are then added in a tree in workgroup memory and divided by H*W.\n// Overrides: WG_X (channels per workgroup), WG_Y (pixel lanes, a power of two).\n\nstruct Params {\n  pixels: u32, channels: u32, _pad0: u32, _pad1: u32,\n}\n\n@group(0) @binding(0) var<storage, read> input: array<f32>;\n@group(0) @binding(1) var<storage, read_write> output: array<f32>;\n@group(0) @binding(2) var<uniform> p: Params;\n\noverride WG_X: u32 = 16u;\noverride WG_Y: u32 = 4u;\n\nvar<workgroup> partial: array<f32, WG_X * WG_Y>;\n\n@compute @workgroup_size(WG_X, WG_Y)\nfn main(@builtin(workgroup_id) group: vec3<u32>, @builtin(local_invocation_id) lane: vec3<u32>) {\n  let c = group.x * WG_X + lane.x;\n  let n = group.y;\n  // Lanes past the last channel still take part in the barriers below; they just add nothing.\n  var sum = 0.0;\n  if (c < p.channels) {\n    var index = (n * p.pixels + lane.y) * p.channels + c;\n    let pixelStep = WG_Y * p.channels;\n    for (var pixel = lane.y; pixel < p.pixels; pixel += WG_Y) {\n      sum += input[index];\n      index += pixelStep;\n    }\n  }\n  partial[lane.y * WG_X + lane.x] = sum;\n  workgroupBarrier();\n  for (var reach = WG_Y / 2u; reach > 0u; reach /= 2u) {\n    if (lane.y < reach) {\n      partial[lane.y * WG_X + lane.x] += partial[(lane.y + reach) * WG_X + lane.x];\n    }\n    workgroupBarrier();\n  }\n  if (lane.y == 0u && c < p.channels) {\n    output[n * p.channels + c] = partial[lane.x] / f32(p.pixels);\n  }\n}\n", ht = 64, gt = (e) => [
	e[0],
	1,
	1,
	e[3]
];
function _t(e, t, n = {}) {
	let r = n.label ?? "global-mean", [i, a, o, s] = t.shape, c = gt(t.shape), l = n.output ?? w(e, c, `${r}.out`);
	if (C(l.shape) !== C(c)) throw Error(`${r}: output tensor has the wrong size`);
	let u = s <= 4 ? 4 : s <= 8 ? 8 : 16, d = ht / u, f = e.pipeline("global-mean", mt, {
		WG_X: u,
		WG_Y: d
	}), p = E(e, [
		{ u32: a * o },
		{ u32: s },
		{ u32: 0 },
		{ u32: 0 }
	], `${r}.uniforms`);
	return O(e, r, f, [
		t.buffer,
		l.buffer,
		p
	], [
		k(e, s, u),
		k(e, i, 1),
		1
	], l);
}
// shaders/pad.wgsl?raw
var vt = "// pad: zero padding of rows, columns and channels: [N,H,W,C] -> [N,top+H+bottom,left+W+right,C+extra].\n// Used for the ResNet shortcut's channel padding (zeros appended after the last channel) and for the\n// extra zero row/column at the bottom/right of the recognition net's down-sampling branches.\n//\n// Layout: input NHWC f32 [N,H,W,C]; output NHWC [N,outH,outW,outC], input at (padTop, padLeft,\n//         channel 0); channels are only appended (outC >= C).\n// Bindings: 0 input, 1 output, 2 uniforms.\n// Grid: one thread per output element, channel fastest; threads = N*outH*outW*outC laid out by grid.ts.\n// Overrides: WG threads per workgroup.\n\nstruct Params {\n  inH: u32, inW: u32, inC: u32, outH: u32,\n  outW: u32, outC: u32, threads: u32, padTop: u32,\n  padLeft: u32, _pad0: u32, _pad1: u32, _pad2: u32,\n}\n\n@group(0) @binding(0) var<storage, read> input: array<f32>;\n@group(0) @binding(1) var<storage, read_write> output: array<f32>;\n@group(0) @binding(2) var<uniform> p: Params;\n\noverride WG: u32 = 64u;\n\n@compute @workgroup_size(WG)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {\n  let t = gid.y * groups.x * WG + gid.x;\n  if (t >= p.threads) { return; }\n  let c = t % p.outC;\n  let pixel = t / p.outC;\n  let ox = pixel % p.outW;\n  let oy = (pixel / p.outW) % p.outH;\n  let n = pixel / (p.outW * p.outH);\n  // Unsigned wrap-around makes positions above/left of the input large, so one test covers both sides.\n  let iy = oy - p.padTop;\n  let ix = ox - p.padLeft;\n  var value = 0.0;\n  if (iy < p.inH && ix < p.inW && c < p.inC) {\n    value = input[((n * p.inH + iy) * p.inW + ix) * p.inC + c];\n  }\n  output[t] = value;\n}\n", yt = 64;
function bt(e, t) {
	let { top: n = 0, bottom: r = 0, left: i = 0, right: a = 0, channels: o = 0 } = e;
	for (let [e, s] of Object.entries({
		top: n,
		bottom: r,
		left: i,
		right: a,
		channels: o
	})) if (!Number.isInteger(s) || s < 0) throw Error(`${t}: padding ${e} must be a whole number >= 0, got ${s}`);
	return {
		top: n,
		bottom: r,
		left: i,
		right: a,
		channels: o
	};
}
function xt(e, t, n) {
	let r = n.label ?? "pad", i = bt(n, r), [a, o, s, c] = t.shape, l = [
		a,
		o + i.top + i.bottom,
		s + i.left + i.right,
		c + i.channels
	], [, u, d, f] = l, p = n.output ?? w(e, l, `${r}.out`);
	if (C(p.shape) !== C(l)) throw Error(`${r}: output tensor has the wrong size`);
	let m = C(l), h = e.pipeline("pad", vt, { WG: yt }), g = E(e, [
		{ u32: o },
		{ u32: s },
		{ u32: c },
		{ u32: u },
		{ u32: d },
		{ u32: f },
		{ u32: m },
		{ u32: i.top },
		{ u32: i.left },
		{ u32: 0 },
		{ u32: 0 },
		{ u32: 0 }
	], `${r}.uniforms`);
	return O(e, r, h, [
		t.buffer,
		p.buffer,
		g
	], H(e, m, yt), p);
}
// shaders/pool.wgsl?raw
var St = "// pool: max or average pooling over a kH x kW window, TensorFlow semantics.\n//\n// Layout: input NHWC f32 [N,H,W,C]; output NHWC [N,outH,outW,C].\n// Padding: the host computes padTop/padLeft (TF-SAME puts the odd extra row/column at the\n//          bottom/right; VALID is 0) and the output size. Window positions outside the input are\n//          skipped: max ignores them, average divides by the number of positions inside the input\n//          (TF's AvgPool with SAME padding). SAME and VALID windows always hold one input position.\n// Average: sums in window order (row by row), then divides by that count.\n// Bindings: 0 input, 1 output, 2 uniforms.\n// Grid: one thread per output element, channel fastest; threads = N*outH*outW*C laid out by grid.ts.\n// Overrides: WG threads per workgroup; IS_MAX (true: max pool, false: average pool).\n\nstruct Params {\n  inH: u32, inW: u32, channels: u32, outH: u32,\n  outW: u32, threads: u32, kH: u32, kW: u32,\n  strideH: u32, strideW: u32, padTop: i32, padLeft: i32,\n}\n\n@group(0) @binding(0) var<storage, read> input: array<f32>;\n@group(0) @binding(1) var<storage, read_write> output: array<f32>;\n@group(0) @binding(2) var<uniform> p: Params;\n\noverride WG: u32 = 64u;\noverride IS_MAX: bool = true;\n\n@compute @workgroup_size(WG)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {\n  let t = gid.y * groups.x * WG + gid.x;\n  if (t >= p.threads) { return; }\n  let c = t % p.channels;\n  let pixel = t / p.channels;\n  let ox = pixel % p.outW;\n  let oy = (pixel / p.outW) % p.outH;\n  let n = pixel / (p.outW * p.outH);\n  let y0 = i32(oy * p.strideH) - p.padTop;\n  let x0 = i32(ox * p.strideW) - p.padLeft;\n  // Clip the window to the input once, instead of testing every position.\n  let yBegin = u32(max(y0, 0));\n  let yEnd = u32(clamp(y0 + i32(p.kH), 0, i32(p.inH)));\n  let xBegin = u32(max(x0, 0));\n  let xEnd = u32(clamp(x0 + i32(p.kW), 0, i32(p.inW)));\n\n  var result = 0.0;\n  var count = 0u;\n  for (var iy = yBegin; iy < yEnd; iy++) {\n    var index = ((n * p.inH + iy) * p.inW + xBegin) * p.channels + c;\n    for (var ix = xBegin; ix < xEnd; ix++) {\n      let v = input[index];\n      if (IS_MAX) {\n        result = select(max(result, v), v, count == 0u);\n      } else {\n        result += v;\n      }\n      count++;\n      index += p.channels;\n    }\n  }\n  if (!IS_MAX && count > 0u) { result /= f32(count); }\n  output[t] = result;\n}\n", Ct = 64, wt = (e) => typeof e == "number" ? [e, e] : e;
function Tt(e, t, n) {
	let r = n.label ?? `${n.kind}-pool`, [i, a, o, s] = t.shape, [c, l] = wt(n.window), [u, d] = wt(n.stride ?? 1), f = z(a, o, c, l, u, d, n.padding), p = [
		i,
		f.outH,
		f.outW,
		s
	], m = n.output ?? w(e, p, `${r}.out`);
	if (C(m.shape) !== C(p)) throw Error(`${r}: output tensor has the wrong size`);
	let h = C(p), g = e.pipeline("pool", St, {
		WG: Ct,
		IS_MAX: +(n.kind === "max")
	}), _ = E(e, [
		{ u32: a },
		{ u32: o },
		{ u32: s },
		{ u32: f.outH },
		{ u32: f.outW },
		{ u32: h },
		{ u32: c },
		{ u32: l },
		{ u32: u },
		{ u32: d },
		{ i32: f.padTop },
		{ i32: f.padLeft }
	], `${r}.uniforms`);
	return O(e, r, g, [
		t.buffer,
		m.buffer,
		_
	], H(e, h, Ct), m);
}
// src/engine/nets/net-builder.ts
var U = class {
	constructor(e, t) {
		this.context = e, this.label = t, this.dispatches = [], this.tensors = [];
	}
	tensor(e, t) {
		let n = w(this.context, e, `${this.label}/${t}`);
		return this.tensors.push(n), n;
	}
	record(e) {
		return this.dispatches.push(e.dispatch), this.tensors.includes(e.output) || this.tensors.push(e.output), e.output;
	}
	conv(e, t, n) {
		return this.record(tt(this.context, e, t, {
			...n,
			label: `${this.label}/${n.label}`
		}));
	}
	depthwise(e, t, n) {
		return this.record(ut(this.context, e, t, {
			...n,
			label: `${this.label}/${n.label}`
		}));
	}
	pool(e, t) {
		return this.record(Tt(this.context, e, {
			...t,
			label: `${this.label}/${t.label}`
		}));
	}
	pad(e, t, n) {
		return this.record(xt(this.context, e, {
			...t,
			label: `${this.label}/${n}`
		}));
	}
	add(e, t, n) {
		return this.record(pt(this.context, e, t, {
			...n,
			label: `${this.label}/${n.label}`
		}));
	}
	globalMean(e, t) {
		return this.record(_t(this.context, e, { label: `${this.label}/${t}` }));
	}
	matmul(e, t, n) {
		return this.record(Je(this.context, e, t, { label: `${this.label}/${n}` }));
	}
	finish(e, t) {
		return {
			label: this.label,
			input: e,
			outputs: t,
			dispatches: this.dispatches,
			tensors: this.tensors
		};
	}
};
function Et(e) {
	for (let t of e.tensors) t.buffer.destroy();
}
// src/engine/readback.ts
var Dt = class {
	constructor(e, t, n) {
		this.tensor = t, this.bytes = C(t.shape) * 4, this.staging = e.device.createBuffer({
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
}, W = class {
	constructor(e, t, n) {
		this.context = e, this.label = t, this.build = n, this.runs = /* @__PURE__ */ new Map();
	}
	at(e) {
		let t = this.runs.get(e);
		if (!t) {
			let n = this.build(e);
			t = {
				run: n,
				readbacks: n.outputs.map((t, n) => new Dt(this.context, t, `${this.label}×${e}.out${n}`))
			}, this.runs.set(e, t);
		}
		return t;
	}
	async execute(e, t) {
		let { run: n, readbacks: r } = this.at(e), i = this.context.device.createCommandEncoder({ label: `${this.label}×${e}` });
		ae(i, [...t, ...n.dispatches], n.label);
		for (let e of r) e.record(i);
		return this.context.device.queue.submit([i.finish()]), Promise.all(r.map((e) => e.read()));
	}
	prime(e) {
		let { run: t } = this.at(e);
		oe(this.context, t.dispatches.map((e) => ({
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
			Et(e.run);
			for (let t of e.readbacks) t.destroy();
		}
		this.runs.clear();
	}
};
// src/engine/nets/detection.ts
function Ot(e, t, n) {
	return e.x <= t && t <= e.x + e.width && e.y <= n && n <= e.y + e.height;
}
function kt(e, t, n) {
	if (!(e > 0 && t > 0 && n > 0)) throw Error(`squarePadding: invalid sizes ${e}x${t} -> ${n}`);
	let r = n / Math.max(e, t);
	return {
		padX: n / Math.round(e * r),
		padY: n / Math.round(t * r)
	};
}
function At(e, t, n, r) {
	let { padX: i, padY: a } = kt(t, n, r), { x: o, y: s, width: c, height: l } = e.box, u = o * i, d = s * a, f = (o + c) * i, p = (s + l) * a;
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
// src/engine/nets/non-max-suppression.ts
function jt(e, t, n, r, i) {
	let a = t.length;
	if (e.length < a * 4) throw Error(`nonMaxSuppressionSsd: ${e.length} box values for ${a} scores`);
	let o = Math.min(n, a), s = [];
	for (let e = 0; e < a; e++) t[e] > i && s.push(e);
	s.sort((e, n) => t[n] - t[e]);
	let c = [];
	for (let t of s) {
		if (c.length >= o) break;
		let n = !1;
		for (let i = c.length - 1; i >= 0; i--) if (Mt(e, t, c[i]) > r) {
			n = !0;
			break;
		}
		n || c.push(t);
	}
	return c;
}
function Mt(e, t, n) {
	let r = t * 4, i = n * 4, a = Math.min(e[r], e[r + 2]), o = Math.min(e[r + 1], e[r + 3]), s = Math.max(e[r], e[r + 2]), c = Math.max(e[r + 1], e[r + 3]), l = Math.min(e[i], e[i + 2]), u = Math.min(e[i + 1], e[i + 3]), d = Math.max(e[i], e[i + 2]), f = Math.max(e[i + 1], e[i + 3]), p = (s - a) * (c - o), m = (d - l) * (f - u);
	if (p <= 0 || m <= 0) return 0;
	let h = Math.max(Math.min(s, d) - Math.max(a, l), 0) * Math.max(Math.min(c, f) - Math.max(o, u), 0);
	return h / (p + m - h);
}
function Nt(e, t, n, r = !0) {
	if (e.length !== t.length) throw Error(`nonMaxSuppression: ${e.length} boxes for ${t.length} scores`);
	let i = t.map((e, t) => ({
		score: e,
		index: t
	})).sort((e, t) => e.score - t.score).map((e) => e.index), a = [];
	for (; i.length > 0;) {
		let t = i.pop();
		a.push(t), i = i.filter((i) => Pt(e[t], e[i], r) <= n);
	}
	return a;
}
function Pt(e, t, n = !0) {
	let r = Math.max(0, Math.min(e.x + e.width, t.x + t.width) - Math.max(e.x, t.x)) * Math.max(0, Math.min(e.y + e.height, t.y + t.height) - Math.max(e.y, t.y)), i = e.width * e.height, a = t.width * t.height;
	return n ? r / (i + a - r) : r / Math.min(i, a);
}
// shaders/head-gather.wgsl?raw
var Ft = "// head-gather: turns a detection head's per-cell output into per-anchor rows of one concatenated\n// tensor, i.e. tf.reshape(head, [N,-1,width]) written into rows [rowOffset, rowOffset+cells*anchors)\n// of tf.concat([...], 1) — the SSD box and class predictors' layout.\n//\n// Layout: input NHWC f32 [N,H,W,inC], seen as [N,cells=H*W,inC]; anchor a of a cell owns channels\n//         channelOffset + a*width ... + width-1. Output [N,rows,width]: row rowOffset + cell*anchors + a.\n//         out[n, rowOffset + m*anchors + a, k] = in[n, m, channelOffset + a*width + k].\n// Bindings: 0 input, 1 output (only the rows of this head are written), 2 uniforms.\n// Grid: one thread per output element of this head, k fastest; threads = N*cells*anchors*width laid\n//       out by grid.ts.\n// Overrides: WG threads per workgroup.\n\nstruct Params {\n  threads: u32, cells: u32, anchors: u32, width: u32,\n  inC: u32, channelOffset: u32, rowOffset: u32, rows: u32,\n}\n\n@group(0) @binding(0) var<storage, read> input: array<f32>;\n@group(0) @binding(1) var<storage, read_write> output: array<f32>;\n@group(0) @binding(2) var<uniform> p: Params;\n\noverride WG: u32 = 64u;\n\n@compute @workgroup_size(WG)\nfn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {\n  let t = gid.y * groups.x * WG + gid.x;\n  if (t >= p.threads) { return; }\n  let k = t % p.width;\n  let a = (t / p.width) % p.anchors;\n  let m = (t / (p.width * p.anchors)) % p.cells;\n  let n = t / (p.width * p.anchors * p.cells);\n  let row = n * p.rows + p.rowOffset + m * p.anchors + a;\n  output[row * p.width + k] = input[(n * p.cells + m) * p.inC + p.channelOffset + a * p.width + k];\n}\n", It = 64;
function Lt(e, t, n, r) {
	let i = r.label ?? "head-gather", { anchors: a, width: o, channelOffset: s, rowOffset: c } = r, [l, u, d, f] = t.shape, [p, m, h] = n.shape;
	if (t.shape.length !== 4 || n.shape.length !== 3) throw Error(`${i}: input must be [N,H,W,C] and output [N,rows,width], got [${t.shape}] and [${n.shape}]`);
	if (p !== l || h !== o) throw Error(`${i}: output [${n.shape}] does not match batch ${l}, width ${o}`);
	if (s + a * o > f) throw Error(`${i}: ${a} anchors x ${o} from channel ${s} exceed the input's ${f} channels`);
	let g = u * d;
	if (c + g * a > m) throw Error(`${i}: rows ${c}..${c + g * a} exceed the output's ${m}`);
	let _ = l * g * a * o, v = e.pipeline("head-gather", Ft, { WG: It }), y = E(e, [
		{ u32: _ },
		{ u32: g },
		{ u32: a },
		{ u32: o },
		{ u32: f },
		{ u32: s },
		{ u32: c },
		{ u32: m }
	], `${i}.uniforms`);
	return O(e, i, v, [
		t.buffer,
		n.buffer,
		y
	], H(e, _, It), n);
}
var G = {
	source: "@vladmandic/face-api@1.7.15",
	models: {
		tiny_face_detector: {
			manifest: "tiny_face_detector_model-weights_manifest.json",
			shards: ["tiny_face_detector_model.bin"]
		},
		ssd_mobilenetv1: {
			manifest: "ssd_mobilenetv1_model-weights_manifest.json",
			shards: ["ssd_mobilenetv1_model.bin"]
		},
		face_landmark_68: {
			manifest: "face_landmark_68_model-weights_manifest.json",
			shards: ["face_landmark_68_model.bin"]
		},
		face_recognition: {
			manifest: "face_recognition_model-weights_manifest.json",
			shards: ["face_recognition_model.bin"]
		}
	},
	files: {
		"tiny_face_detector_model-weights_manifest.json": {
			bytes: 3219,
			sha256: "5d1af4849ac48d5b985f4a9b16010c512353ddd6fcc63d50fd0bc9e9e64296e5"
		},
		"tiny_face_detector_model.bin": {
			bytes: 193321,
			sha256: "b7503ce7df31039b1c43316a9b865cab6a70dd748cc602d3fa28b551503c3871"
		},
		"ssd_mobilenetv1_model-weights_manifest.json": {
			bytes: 28233,
			sha256: "888f744dffbc84f5f060d1f8427d9742341943a2dfaaf9205d10029b7e7a2955"
		},
		"ssd_mobilenetv1_model.bin": {
			bytes: 5616957,
			sha256: "2835640602d53718aa6ae9a42896327eaa21beefed056c218d32ca7d79e1e2f8"
		},
		"face_landmark_68_model-weights_manifest.json": {
			bytes: 8485,
			sha256: "ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9"
		},
		"face_landmark_68_model.bin": {
			bytes: 356840,
			sha256: "4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b"
		},
		"face_recognition_model-weights_manifest.json": {
			bytes: 19615,
			sha256: "cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b"
		},
		"face_recognition_model.bin": {
			bytes: 6444032,
			sha256: "b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589"
		}
	}
}, Rt = G.source, K = G.models, q = G.files;
function zt(e) {
	let { manifest: t, shards: n } = K[e];
	return [t, ...n];
}
function Bt(e) {
	let t = 0;
	for (let n of e) for (let e of zt(n)) t += q[e].bytes;
	return t;
}
// src/engine/nets/activation-slots.ts
var Vt = class {
	constructor(e, t) {
		this.capacity = t;
		let n = e.context.limits.maxStorageBufferBindingSize;
		if (t * 4 > n) throw Error(`${e.label}: an activation of ${t * 4} bytes exceeds this device's storage buffer limit of ${n} bytes; use a smaller batch or input size.`);
		this.slots = [e.tensor([t], "slot0"), e.tensor([t], "slot1")];
	}
	next(e, t) {
		if (C(e) > this.capacity) throw Error(`activation [${e}] exceeds the slot size ${this.capacity}`);
		return {
			buffer: (this.slots[0].buffer === t.buffer ? this.slots[1] : this.slots[0]).buffer,
			shape: e
		};
	}
};
// src/engine/nets/weight-map.ts
function J(e, t, n, r) {
	let i = e.get(n);
	if (!i) throw new f(t, "invalid-manifest", `Model file ${t} has no tensor "${n}".`);
	if (i.shape.length !== r.length || i.shape.some((e, t) => e !== r[t])) throw new f(t, "invalid-manifest", `Model file ${t}: tensor "${n}" has shape [${i.shape}], expected [${r}].`);
	if (!(i.data instanceof Float32Array)) throw new f(t, "invalid-manifest", `Model file ${t}: tensor "${n}" is not float32.`);
	return i.data;
}
var Y = 5118, Ht = .0010000000474974513, Ut = /* @__PURE__ */ new Set([
	2,
	4,
	6,
	12
]), Wt = K.ssd_mobilenetv1.manifest, Gt = { kind: "relu6" }, Kt = [
	32,
	64,
	128,
	128,
	256,
	256,
	512,
	512,
	512,
	512,
	512,
	512,
	1024,
	1024
], qt = [
	[
		1,
		1024,
		256,
		1
	],
	[
		3,
		256,
		512,
		2
	],
	[
		1,
		512,
		128,
		1
	],
	[
		3,
		128,
		256,
		2
	],
	[
		1,
		256,
		128,
		1
	],
	[
		3,
		128,
		256,
		2
	],
	[
		1,
		256,
		64,
		1
	],
	[
		3,
		64,
		128,
		2
	]
], Jt = [
	[512, 3],
	[1024, 6],
	[512, 6],
	[256, 6],
	[256, 6],
	[128, 6]
];
function Yt(e, t) {
	let n = (e, n) => J(t, Wt, e, n), r = (t, r, i, a) => B(e, {
		kH: r,
		kW: r,
		inC: i,
		outC: a,
		weights: n(`${t}/weights`, [
			r,
			r,
			i,
			a
		]),
		bias: n(`${t}/convolution_bn_offset`, [a]),
		activation: Gt
	}, t), i = r("MobilenetV1/Conv2d_0_pointwise", 3, 3, 32), a = [];
	for (let t = 1; t <= 13; t++) {
		let i = Kt[t - 1], o = Kt[t], s = `MobilenetV1/Conv2d_${t}_depthwise`, c = n(`${s}/BatchNorm/gamma`, [i]), l = n(`${s}/BatchNorm/beta`, [i]), u = n(`${s}/BatchNorm/moving_mean`, [i]), d = n(`${s}/BatchNorm/moving_variance`, [i]), f = new Float32Array(i), p = new Float32Array(i);
		for (let e = 0; e < i; e++) {
			let t = c[e] / Math.sqrt(d[e] + Ht);
			f[e] = t, p[e] = l[e] - u[e] * t;
		}
		let m = st(e, {
			kH: 3,
			kW: 3,
			channels: i,
			weights: n(`${s}/depthwise_weights`, [
				3,
				3,
				i,
				1
			]),
			scale: f,
			shift: p,
			activation: Gt
		}, s);
		a.push({
			depthwise: m,
			pointwise: r(`MobilenetV1/Conv2d_${t}_pointwise`, 1, i, o)
		});
	}
	return {
		conv0: i,
		pairs: a,
		extras: qt.map(([e, t, n], i) => r(`Prediction/Conv2d_${i}_pointwise`, e, t, n)),
		heads: Jt.map(([t, r], i) => {
			let a = `Prediction/BoxPredictor_${i}`, o = 4 * r, s = 3 * r, c = n(`${a}/BoxEncodingPredictor/weights`, [
				1,
				1,
				t,
				o
			]), l = n(`${a}/ClassPredictor/weights`, [
				1,
				1,
				t,
				s
			]), u = o + s, d = new Float32Array(t * u);
			for (let e = 0; e < t; e++) d.set(c.subarray(e * o, (e + 1) * o), e * u), d.set(l.subarray(e * s, (e + 1) * s), e * u + o);
			let f = new Float32Array(u);
			return f.set(n(`${a}/BoxEncodingPredictor/biases`, [o])), f.set(n(`${a}/ClassPredictor/biases`, [s]), o), {
				filter: B(e, {
					kH: 1,
					kW: 1,
					inC: t,
					outC: u,
					weights: d,
					bias: f
				}, a),
				anchors: r
			};
		}),
		anchors: n("Output/extra_dim", [
			1,
			Y,
			4
		]).slice()
	};
}
function Xt(e) {
	let t = [
		e.conv0,
		...e.pairs.flatMap((e) => [e.depthwise, e.pointwise]),
		...e.extras,
		...e.heads.map((e) => e.filter)
	];
	for (let e of t) e.buffer.destroy(), e.channelParams.destroy();
}
function Zt(e, t, n = 1) {
	let r = new U(e, "ssd"), i = r.tensor([
		n,
		512,
		512,
		3
	], "input"), a = new Vt(r, n * 256 * 256 * 64), o = (e, t, n, i, o = !1) => {
		let s = et(e.shape, t, {
			stride: n,
			padding: "same"
		}), c = o ? r.tensor(s, i) : a.next(s, e);
		return r.conv(e, t, {
			stride: n,
			padding: "same",
			output: c,
			label: i
		});
	}, s = o(i, t.conv0, 2, "conv0"), c;
	t.pairs.forEach((e, t) => {
		let n = t + 1, i = Ut.has(n) ? 2 : 1, l = lt(s.shape, e.depthwise, {
			stride: i,
			padding: "same"
		});
		s = r.depthwise(s, e.depthwise, {
			stride: i,
			padding: "same",
			output: a.next(l, s),
			label: `dw${n}`
		}), s = o(s, e.pointwise, 1, `pw${n}`, n === 11 || n === 13), n === 11 && (c = s);
	});
	let l = [c, s];
	t.extras.forEach((e, t) => {
		let n = qt[t][3];
		s = o(s, e, n, `extra${t}`, n === 2), n === 2 && l.push(s);
	});
	let u = r.tensor([
		n,
		Y,
		4
	], "boxEncodings"), d = r.tensor([
		n,
		Y,
		3
	], "classLogits"), f = 0;
	if (t.heads.forEach((t, i) => {
		let a = l[i], s = o(a, t.filter, 1, `head${i}`), { anchors: c } = t;
		r.record(Lt(e, s, u, {
			anchors: c,
			width: 4,
			channelOffset: 0,
			rowOffset: f,
			label: `ssd/head${i}.box`
		})), r.record(Lt(e, s, d, {
			anchors: c,
			width: 3,
			channelOffset: 4 * c,
			rowOffset: f,
			label: `ssd/head${i}.class`
		})), f += C(a.shape) / a.shape[3] / n * c;
	}), f !== 5118) throw Error(`ssd: heads give ${f} anchors, expected ${Y}`);
	return r.finish(i, [u, d]);
}
var X = Math.fround;
function Qt(e, t, n = Y) {
	if (e.length < n * 4 || t.length < n * 4) throw Error(`decodeSsdBoxes: need ${n * 4} values, got ${e.length} encodings and ${t.length} anchor values`);
	let r = new Float32Array(n * 4);
	for (let i = 0; i < n; i++) {
		let n = i * 4, a = X(t[n + 2] - t[n]), o = X(t[n + 3] - t[n + 1]), s = X(t[n] + X(a / 2)), c = X(t[n + 1] + X(o / 2)), l = X(X(X(Math.exp(X(e[n + 2] / 5))) * a) / 2), u = X(X(X(e[n] / 10) * a) + s), d = X(X(X(Math.exp(X(e[n + 3] / 5))) * o) / 2), f = X(X(X(e[n + 1] / 10) * o) + c);
		r[n] = u - l, r[n + 1] = f - d, r[n + 2] = u + l, r[n + 3] = f + d;
	}
	return r;
}
function $t(e, t = Y) {
	if (e.length < t * 3) throw Error(`ssdScores: need ${t * 3} logits, got ${e.length}`);
	let n = new Float32Array(t);
	for (let r = 0; r < t; r++) n[r] = 1 / (1 + Math.exp(-e[r * 3 + 1]));
	return n;
}
function en(e, t, n, r = {}) {
	let { minConfidence: i = .5, maxResults: a = 100, iouThreshold: o = .5 } = r, s = Qt(e, n), c = $t(t);
	return jt(s, c, a, o, i).map((e) => {
		let t = Math.max(0, s[e * 4]), n = Math.max(0, s[e * 4 + 1]), r = Math.min(1, s[e * 4 + 2]);
		return {
			box: {
				x: n,
				y: t,
				width: Math.min(1, s[e * 4 + 3]) - n,
				height: r - t
			},
			score: c[e]
		};
	});
}
function tn(e, t, n, r) {
	return e.subarray(t * n * r, (t + 1) * n * r);
}
// src/engine/detection-stage.ts
var nn = {
	minConfidence: .5,
	iouThreshold: .5,
	views: "adaptive"
}, rn = 2, an = class e {
	constructor(e, t, n) {
		this.context = e, this.weights = t, this.options = n, this.inputs = /* @__PURE__ */ new Map(), this.stage = new W(e, "ssd", (n) => Zt(e, t, n)), this.stage.at(this.batchForViews);
	}
	get batchForViews() {
		return this.options.views === "both" ? 2 : 1;
	}
	prime() {
		this.stage.prime(this.batchForViews);
	}
	static upload(t, n, r = {}) {
		return new e(t, Yt(t, n), {
			...nn,
			...r
		});
	}
	frameChanged() {
		this.inputs.clear();
	}
	async detect(e) {
		let { width: t, height: n } = e, r = Math.max(t, n), i = rn * r, a = {
			view: "face-api",
			width: r,
			height: r,
			padLeft: 0,
			padTop: 0
		}, o = {
			view: "zoomed-out",
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
				return r.some(({ box: e }) => Ot(e, t / 2, n / 2)) ? r : this.merge([...r, ...await this.run(e, [o])]);
			}
		}
	}
	async run(e, t) {
		let n = t.length, r = t.map(({ view: t, ...r }, i) => {
			let a = {
				canvas: r,
				normalise: j.ssdMobilenet,
				flip: !1
			}, o = `${n}:${i}`, s = this.inputs.get(o);
			return s ? s.update(a) : (s = P(this.context, e, {
				...a,
				outH: 512,
				outW: 512,
				output: this.stage.at(n).run.input,
				batchIndex: i,
				label: `ssd-input[${o}]`
			}), this.inputs.set(o, s)), s.dispatch;
		}), [i, a] = await this.stage.execute(n, r);
		return t.flatMap((t, n) => en(tn(i, n, Y, 4), tn(a, n, Y, 3), this.weights.anchors, {
			minConfidence: this.options.minConfidence,
			iouThreshold: this.options.iouThreshold
		}).map((n) => {
			if (t.view === "face-api") return At(n, e.width, e.height, 512);
			let { x: r, y: i, width: a, height: o } = n.box;
			return {
				score: n.score,
				box: {
					x: r * t.width - t.padLeft,
					y: i * t.height - t.padTop,
					width: a * t.width,
					height: o * t.height
				}
			};
		}));
	}
	merge(e) {
		return Nt(e.map((e) => e.box), e.map((e) => e.score), this.options.iouThreshold).map((t) => e[t]);
	}
	destroy() {
		this.stage.destroy(), Xt(this.weights);
	}
}, Z = "face_landmark_68_model";
function Q(e, t, n, r, i, a) {
	return {
		depthwise: st(e, {
			kH: 3,
			kW: 3,
			channels: r,
			weights: J(t, Z, `${n}/depthwise_filter`, [
				3,
				3,
				r,
				1
			])
		}, `${Z}/${n}/depthwise`),
		pointwise: B(e, {
			kH: 1,
			kW: 1,
			inC: r,
			outC: i,
			weights: J(t, Z, `${n}/pointwise_filter`, [
				1,
				1,
				r,
				i
			]),
			bias: J(t, Z, `${n}/bias`, [i]),
			activation: a ? { kind: "relu" } : { kind: "none" }
		}, `${Z}/${n}/pointwise`)
	};
}
function on(e, t) {
	let n = [
		32,
		64,
		128,
		256
	];
	return {
		blocks: n.map((r, i) => {
			let a = `dense${i}`, o = i === 0 ? 3 : n[i - 1];
			return {
				name: a,
				first: i === 0 ? B(e, {
					kH: 3,
					kW: 3,
					inC: 3,
					outC: r,
					weights: J(t, Z, `${a}/conv0/filters`, [
						3,
						3,
						3,
						r
					]),
					bias: J(t, Z, `${a}/conv0/bias`, [r]),
					activation: { kind: "relu" }
				}, `${Z}/${a}/conv0`) : Q(e, t, `${a}/conv0`, o, r, !0),
				rest: [
					Q(e, t, `${a}/conv1`, r, r, !1),
					Q(e, t, `${a}/conv2`, r, r, !1),
					Q(e, t, `${a}/conv3`, r, r, !0)
				]
			};
		}),
		fc: Fe(e, {
			k: 256,
			n: 136,
			weights: J(t, Z, "fc/weights", [256, 136]),
			bias: J(t, Z, "fc/bias", [136])
		}, `${Z}/fc`)
	};
}
var sn = (e) => "depthwise" in e;
function cn(e, t, n) {
	let r = new U(e, `landmarks×${n}`), i = r.tensor([
		n,
		112,
		112,
		3
	], "input"), a = (e, t, n, i) => {
		let a = r.depthwise(e, t.depthwise, {
			stride: i.stride ?? 1,
			padding: "same",
			reluInput: i.reluInput,
			label: `${n}/depthwise`
		});
		return r.conv(a, t.pointwise, {
			padding: "same",
			residual: i.residual,
			label: `${n}/pointwise`
		});
	}, o = i;
	for (let e of t.blocks) {
		let t = sn(e.first) ? a(o, e.first, `${e.name}/conv0`, { stride: 2 }) : r.conv(o, e.first, {
			stride: 2,
			padding: "same",
			label: `${e.name}/conv0`
		}), n = a(t, e.rest[0], `${e.name}/conv1`, { residual: t }), i = a(n, e.rest[1], `${e.name}/conv2`, {
			reluInput: !0,
			residual: n
		});
		o = a(i, e.rest[2], `${e.name}/conv3`, {
			reluInput: !0,
			residual: i
		});
	}
	let s = r.globalMean(o, "mean"), c = r.matmul(s, t.fc, "fc");
	return r.finish(i, [c]);
}
// src/engine/nets/recognition-net.ts
var $ = "face_recognition_model", ln = [
	[
		"conv32_1",
		32,
		!1
	],
	[
		"conv32_2",
		32,
		!1
	],
	[
		"conv32_3",
		32,
		!1
	],
	[
		"conv64_down",
		64,
		!0
	],
	[
		"conv64_1",
		64,
		!1
	],
	[
		"conv64_2",
		64,
		!1
	],
	[
		"conv64_3",
		64,
		!1
	],
	[
		"conv128_down",
		128,
		!0
	],
	[
		"conv128_1",
		128,
		!1
	],
	[
		"conv128_2",
		128,
		!1
	],
	[
		"conv256_down",
		256,
		!0
	],
	[
		"conv256_1",
		256,
		!1
	],
	[
		"conv256_2",
		256,
		!1
	],
	[
		"conv256_down_out",
		256,
		!0
	]
];
function un(e, t, n, r, i, a, o) {
	return B(e, {
		kH: r,
		kW: r,
		inC: i,
		outC: a,
		weights: J(t, $, `${n}/conv/filters`, [
			r,
			r,
			i,
			a
		]),
		bias: J(t, $, `${n}/conv/bias`, [a]),
		scale: J(t, $, `${n}/scale/weights`, [a]),
		shift: J(t, $, `${n}/scale/biases`, [a]),
		activation: o ? { kind: "relu" } : { kind: "none" }
	}, `${$}/${n}`);
}
function dn(e, t) {
	let n = 32, r = ln.map(([r, i, a]) => {
		let o = {
			name: r,
			channels: i,
			down: a,
			conv1: un(e, t, `${r}/conv1`, 3, n, i, !0),
			conv2: un(e, t, `${r}/conv2`, 3, i, i, !0)
		};
		return n = i, o;
	});
	return {
		stem: un(e, t, "conv32_down", 7, 3, 32, !0),
		blocks: r,
		fc: Fe(e, {
			k: 256,
			n: 128,
			weights: J(t, $, "fc", [256, 128])
		}, `${$}/fc`)
	};
}
function fn(e, t, n) {
	let r = new U(e, `recognition×${n}`), i = r.tensor([
		n,
		150,
		150,
		3
	], "input"), a = r.conv(i, t.stem, {
		stride: 2,
		padding: "valid",
		label: "conv32_down"
	});
	a = r.pool(a, {
		kind: "max",
		window: 3,
		stride: 2,
		padding: "valid",
		label: "maxpool"
	});
	for (let e of t.blocks) {
		if (!e.down) {
			let t = r.conv(a, e.conv1, {
				padding: "same",
				label: `${e.name}/conv1`
			});
			a = r.conv(t, e.conv2, {
				padding: "same",
				residual: a,
				label: `${e.name}/conv2`
			});
			continue;
		}
		let t = r.conv(a, e.conv1, {
			stride: 2,
			padding: "valid",
			label: `${e.name}/conv1`
		}), n = r.pool(a, {
			kind: "average",
			window: 2,
			stride: 2,
			padding: "valid",
			label: `${e.name}/avgpool`
		}), i = e.channels - n.shape[3];
		i > 0 && (n = r.pad(n, { channels: i }, `${e.name}/pad-channels`));
		let o = t.shape[1], s = n.shape[1];
		if (o === s) a = r.conv(t, e.conv2, {
			padding: "same",
			residual: n,
			label: `${e.name}/conv2`
		});
		else {
			let i = r.conv(t, {
				...e.conv2,
				activationCode: 0
			}, {
				padding: "same",
				label: `${e.name}/conv2`
			}), c = r.pad(i, {
				bottom: s - o,
				right: s - o
			}, `${e.name}/pad-rc`);
			a = r.add(c, n, {
				activation: { kind: "relu" },
				label: `${e.name}/add`
			});
		}
	}
	let o = r.globalMean(a, "mean"), s = r.matmul(o, t.fc, "fc");
	return r.finish(i, [s]);
}
// src/engine/weights/manifest.ts
function pn(e, t, n) {
	return mn(e, K[t].manifest, n);
}
async function mn(e, t, n = {}) {
	let r = n.checksums ?? q, i = await e.read(t), a = hn(i, t);
	await _n(t, i, r);
	let o = await Promise.all(a.map((t) => Promise.all(t.paths.map(async (t) => {
		let n = await e.read(t);
		return await _n(t, n, r), n;
	})))), s = /* @__PURE__ */ new Map();
	return a.forEach((e, t) => vn(e, o[t], s)), s;
}
function hn(e, t) {
	let n = (e) => {
		throw new f(t, "invalid-manifest", `Model manifest ${t} is not a valid weights manifest: ${e}`);
	}, r;
	try {
		r = JSON.parse(new TextDecoder("utf-8", { fatal: !0 }).decode(e));
	} catch (e) {
		return n(`not JSON (${e.message})`);
	}
	if (!Array.isArray(r) || r.length === 0) return n("expected a non-empty array of weight groups");
	let i = /* @__PURE__ */ new Set();
	return r.map((e, t) => {
		if (!xn(e) || !Array.isArray(e.paths) || !Array.isArray(e.weights)) return n(`group ${t} needs "paths" and "weights" arrays`);
		let r = e.paths.map((e) => typeof e != "string" || e === "" || /[\\/]/.test(e) || e === "." || e === ".." ? n(`group ${t} has a bad shard path ${JSON.stringify(e)}`) : e);
		return r.length === 0 && n(`group ${t} lists no shards`), {
			paths: r,
			weights: e.weights.map((e) => {
				if (!xn(e) || typeof e.name != "string") return n(`group ${t} has a weight without a name`);
				let { name: r } = e;
				if (i.has(r) && n(`weight "${r}" appears twice`), i.add(r), !Array.isArray(e.shape) || !e.shape.every((e) => Number.isInteger(e) && e >= 0)) return n(`weight "${r}" has a bad shape ${JSON.stringify(e.shape)}`);
				if (e.dtype !== "float32" && e.dtype !== "int32") return n(`weight "${r}" has unsupported dtype ${JSON.stringify(e.dtype)}`);
				let a = {
					name: r,
					shape: e.shape,
					dtype: e.dtype
				};
				if (e.quantization !== void 0) {
					let t = e.quantization;
					if (!xn(t) || t.dtype !== "uint8") return n(`weight "${r}" has unsupported quantization ${JSON.stringify(t)} (only uint8 affine)`);
					if (typeof t.scale != "number" || !Number.isFinite(t.scale) || typeof t.min != "number" || !Number.isFinite(t.min)) return n(`weight "${r}" has uint8 quantization without a finite scale and min`);
					if (t.original_dtype !== void 0 && typeof t.original_dtype != "string") return n(`weight "${r}" has a bad quantization.original_dtype`);
					a.quantization = {
						dtype: "uint8",
						scale: t.scale,
						min: t.min
					}, t.original_dtype !== void 0 && (a.quantization.original_dtype = t.original_dtype);
				}
				return a;
			})
		};
	});
}
function gn(e) {
	return e.shape.reduce((e, t) => e * t, 1) * (e.quantization ? 1 : 4);
}
async function _n(e, t, n = q) {
	let r = n[e];
	if (!r) throw new f(e, "corrupt", `Model file ${e} is not in the list of known model files.`);
	if (t.byteLength !== r.bytes) throw new f(e, "truncated", `Model file ${e} has ${t.byteLength} bytes, expected ${r.bytes}.`);
	let i = new Uint8Array(await crypto.subtle.digest("SHA-256", t)), a = Array.from(i, (e) => e.toString(16).padStart(2, "0")).join("");
	if (a !== r.sha256) throw new f(e, "corrupt", `Model file ${e} is damaged: SHA-256 ${a}, expected ${r.sha256}.`);
}
function vn(e, t, n) {
	let r = e.weights.reduce((e, t) => e + gn(t), 0), i = t.reduce((e, t) => e + t.byteLength, 0), a = e.paths[e.paths.length - 1];
	if (i !== r) throw new f(a, "truncated", `Model file ${a} is ${i < r ? "too short" : "too long"}: the manifest's tensors need ${r} bytes, shards [${e.paths.join(", ")}] hold ${i}.`);
	let o = bn(t), s = 0;
	for (let t of e.weights) {
		let e = gn(t);
		n.set(t.name, {
			shape: t.shape.slice(),
			data: yn(t, o.subarray(s, s + e))
		}), s += e;
	}
}
function yn(e, t) {
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
function bn(e) {
	if (e.length === 1) return e[0];
	let t = new Uint8Array(e.reduce((e, t) => e + t.byteLength, 0)), n = 0;
	for (let r of e) t.set(r, n), n += r.byteLength;
	return t;
}
function xn(e) {
	return typeof e == "object" && !!e && !Array.isArray(e);
}
// src/engine/weights/fetch-source.ts
function Sn(e, t) {
	let n = e === "" || e.endsWith("/") ? e : `${e}/`;
	return { async read(e) {
		let r = n + encodeURIComponent(e), i;
		try {
			i = await fetch(r);
		} catch (t) {
			throw new f(e, "missing", `Model file ${e} could not be fetched from ${r}: ${String(t)}`);
		}
		if (!i.ok) throw new f(e, "missing", `Model file ${e} could not be fetched from ${r}: HTTP ${i.status}.`);
		if (!e.endsWith(".html") && (i.headers.get("content-type") ?? "").startsWith("text/html")) throw new f(e, "missing", `Model file ${e} is not at ${r}: the server answered with an HTML page.`);
		let a = q[e]?.bytes ?? (Number(i.headers.get("content-length")) || 0), o = [], s = 0;
		t?.({
			file: e,
			loaded: s,
			total: a
		});
		try {
			if (i.body) {
				let n = i.body.getReader();
				for (let r = await n.read(); !r.done; r = await n.read()) o.push(r.value), s += r.value.byteLength, t?.({
					file: e,
					loaded: s,
					total: a
				});
			} else o.push(new Uint8Array(await i.arrayBuffer())), s = o[0].byteLength, t?.({
				file: e,
				loaded: s,
				total: a
			});
		} catch (t) {
			throw new f(e, "truncated", `Model file ${e} stopped arriving after ${s} of ${a} bytes: ${String(t)}`);
		}
		let c = new Uint8Array(s), l = 0;
		for (let e of o) c.set(e, l), l += e.byteLength;
		return c;
	} };
}
// src/engine/face-engine.ts
var Cn = [
	"ssd_mobilenetv1",
	"face_landmark_68",
	"face_recognition"
], wn = "dlib_face_recognition_resnet_model_v1", Tn = class {
	constructor() {
		this.tail = Promise.resolve();
	}
	run(e) {
		let t = this.tail.then(e, e);
		return this.tail = t.catch(() => void 0), t;
	}
}, En = (e) => typeof e.data == "object" && typeof e.width == "number" && !(typeof HTMLCanvasElement < "u" && e instanceof HTMLCanvasElement), Dn = class e {
	constructor(e, t, n, r, i) {
		this.context = e, this.detection = t, this.landmarkStage = n, this.recognitionStage = r, this.maxBatch = i, this.modelId = `${Rt}/${wn}`, this.vectorLength = 128, this.frameSize = {
			width: 0,
			height: 0
		}, this.preparedGeneration = -1, this.landmarkInputs = /* @__PURE__ */ new Map(), this.chipInputs = /* @__PURE__ */ new Map(), this.cropInputs = /* @__PURE__ */ new Map(), this.mutex = new Tn(), this.disposed = !1, this.frame = new v(e, "frame");
	}
	static async create(t = {}) {
		let n = t.onProgress ?? (() => void 0), r = 0, i = (e) => {
			r = Math.max(r, e.fraction), n({
				...e,
				fraction: r
			});
		}, a = S.api(t.gpu), o = Bt(Cn), s = /* @__PURE__ */ new Map(), c = t.source ?? Sn(t.modelBaseUrl ?? "/models/", ({ file: e, loaded: t }) => {
			s.set(e, t);
			let n = 0;
			for (let e of s.values()) n += e;
			i({
				stage: "fetch",
				fraction: .7 * Math.min(1, n / o),
				detail: e
			});
		});
		i({
			stage: "fetch",
			fraction: 0
		});
		let l = Promise.all(Cn.map(async (e) => {
			let t = await pn(c, e);
			return i({
				stage: "decode",
				fraction: .7,
				detail: e
			}), [e, t];
		}));
		l.catch(() => void 0);
		let u = await S.create({ gpu: a });
		try {
			let n = new Map(await l);
			i({
				stage: "upload",
				fraction: .75
			});
			let r = await u.checked("upload weights", () => {
				let e = an.upload(u, n.get("ssd_mobilenetv1"), t.detector);
				return e.prime(), {
					detection: e,
					landmarks: on(u, n.get("face_landmark_68")),
					recognition: dn(u, n.get("face_recognition"))
				};
			});
			i({
				stage: "compile",
				fraction: .8
			});
			let a = t.maxBatch ?? 8, o = await u.checked("compile", () => {
				let t = new W(u, "landmarks", (e) => cn(u, r.landmarks, e)), n = new W(u, "recognition", (e) => fn(u, r.recognition, e));
				return t.prime(1), n.prime(1), new e(u, r.detection, t, n, a);
			});
			return i({
				stage: "warmup",
				fraction: .9
			}), await o.warmUp(), i({
				stage: "ready",
				fraction: 1
			}), o;
		} catch (e) {
			throw u.dispose(), e instanceof f, e;
		}
	}
	async warmUp() {
		await this.context.device.queue.onSubmittedWorkDone();
	}
	describeAdapter() {
		return this.context.describeAdapter();
	}
	static distance(e, t) {
		if (e.length !== t.length) throw Error(`distance: vectors of length ${e.length} and ${t.length}`);
		let n = 0;
		for (let r = 0; r < e.length; r++) n += (e[r] - t[r]) ** 2;
		return Math.sqrt(n);
	}
	detect(e) {
		return this.mutex.run(async () => this.detectOrdered(await this.upload(e)));
	}
	async detectOrdered(e) {
		let t = await this.detection.detect(e);
		return Nn(t.map((e) => e.box), e.width, e.height).map((e) => t[e]);
	}
	analyze(e, t = {}) {
		return this.mutex.run(async () => {
			let n = await this.upload(e), r = (await this.detectOrdered(n)).slice(0, this.maxBatch), i = r.map((e) => e.box), a = i.length ? await this.runLandmarks(n, i) : [];
			t.refineLandmarks && i.length && (i = a.map((e) => d(e)), a = await this.runLandmarks(n, i));
			let o = r.map((e, t) => ({
				box: i[t],
				score: e.score,
				landmarks: a[t]
			}));
			return {
				frameWidth: this.frameSize.width,
				frameHeight: this.frameSize.height,
				faces: o,
				target: o[0] ?? null
			};
		});
	}
	landmarksFor(e, t) {
		return this.mutex.run(async () => this.runLandmarks(await this.upload(e), t));
	}
	async embed(e, t, n = {}) {
		let [r] = await this.embedMany(e, [t], n);
		return {
			vector: r,
			modelId: this.modelId
		};
	}
	embedMany(e, t, n = {}) {
		return this.mutex.run(async () => {
			let r = await this.upload(e), i = n.flip ? 2 : 1, a = Math.max(1, Math.floor(this.maxBatch / i)), o = [];
			for (let e = 0; e < t.length; e += a) {
				let s = t.slice(e, e + a), c = On(s.length * i), l = s.flatMap((e, t) => Array.from({ length: i }, (a, o) => this.recognitionInput(r, c, t * i + o, e, n.alignment ?? "dlib-chip", o === 1))), [u] = await this.recognitionStage.execute(c, l);
				s.forEach((e, t) => {
					let n = /* @__PURE__ */ new Float32Array(128);
					for (let e = 0; e < i; e++) {
						let r = (t * i + e) * 128;
						for (let e = 0; e < 128; e++) n[e] += u[r + e] / i;
					}
					o.push(n);
				});
			}
			return o;
		});
	}
	dispose() {
		this.disposed || (this.disposed = !0, this.frame.destroy(), this.detection.destroy(), this.landmarkStage.destroy(), this.recognitionStage.destroy(), this.context.dispose());
	}
	async upload(e) {
		if (this.disposed) throw Error("FaceEngine: used after dispose()");
		let t;
		if (e === this.lastFrame && this.frame.current && !Pn(e)) t = this.frame.current;
		else if (En(e)) {
			if (e.data.length !== e.width * e.height * 4) throw Error(`FaceEngine: RGBA image of ${e.width}×${e.height} has ${e.data.length} bytes`);
			t = this.frame.uploadRgba(e);
		} else t = this.frame.uploadExternal(await Fn(e));
		return this.lastFrame = e, this.frameSize = {
			width: t.width,
			height: t.height
		}, this.preparedGeneration !== this.frame.generation && (this.landmarkInputs.clear(), this.chipInputs.clear(), this.cropInputs.clear(), this.detection.frameChanged(), this.preparedGeneration = this.frame.generation), t;
	}
	async runLandmarks(e, t) {
		let n = [];
		for (let r = 0; r < t.length; r += this.maxBatch) {
			let i = t.slice(r, r + this.maxBatch), a = On(i.length), o = i.map((t) => kn(t, e.width, e.height)), s = o.map((t, n) => {
				let r = `${a}:${n}`, i = {
					crop: t,
					canvas: ce(t.width, t.height, "centred"),
					normalise: j.faceApi,
					flip: !1
				}, o = this.landmarkInputs.get(r);
				return o ? o.update(i) : (o = P(this.context, e, {
					...i,
					outH: 112,
					outW: 112,
					output: this.landmarkStage.at(a).run.input,
					batchIndex: n,
					label: `landmark-input[${n}]`
				}), this.landmarkInputs.set(r, o)), o.dispatch;
			}), [c] = await this.landmarkStage.execute(a, s);
			o.forEach((e, t) => n.push(An(c.subarray(t * 136, (t + 1) * 136), e, i[t])));
		}
		return n;
	}
	recognitionInput(e, t, n, r, i, a) {
		let o = `${t}:${n}`, s = this.recognitionStage.at(t).run.input;
		if (i === "dlib-chip") {
			let t = {
				matrix: c(jn(r.landmarks), 150, .25).matrix,
				normalise: j.faceApi,
				flip: a
			}, i = this.chipInputs.get(o);
			return i ? i.update(t) : (i = be(this.context, e, {
				...t,
				outH: 150,
				outW: 150,
				output: s,
				batchIndex: n,
				label: `chip[${n}]`
			}), this.chipInputs.set(o, i)), i.dispatch;
		}
		let l = kn(Mn(r.landmarks, e.width, e.height), e.width, e.height), u = {
			crop: l,
			canvas: ce(l.width, l.height, "centred"),
			normalise: j.faceApi,
			flip: a
		}, d = this.cropInputs.get(o);
		return d ? d.update(u) : (d = P(this.context, e, {
			...u,
			outH: 150,
			outW: 150,
			output: s,
			batchIndex: n,
			label: `crop[${n}]`
		}), this.cropInputs.set(o, d)), d.dispatch;
	}
};
function On(e) {
	let t = 1;
	for (; t < e;) t *= 2;
	return t;
}
function kn(e, t, n) {
	let r = Math.max(e.x, 0), i = Math.max(e.y, 0), a = Math.min(e.x + e.width - r, t - r), o = Math.min(e.y + e.height - i, n - i);
	return {
		x: Math.floor(r),
		y: Math.floor(i),
		width: Math.max(1, Math.floor(a)),
		height: Math.max(1, Math.floor(o))
	};
}
function An(e, t, n) {
	let r = Math.max(t.width, t.height), i = t.width < t.height ? (t.height - t.width) / 2 : 0, a = t.height < t.width ? (t.width - t.height) / 2 : 0, o = /* @__PURE__ */ new Float32Array(136);
	for (let t = 0; t < 68; t++) o[2 * t] = n.x + e[2 * t] * r - i, o[2 * t + 1] = n.y + e[2 * t + 1] * r - a;
	return o;
}
function jn(e) {
	return Array.from({ length: e.length / 2 }, (t, n) => [e[2 * n], e[2 * n + 1]]);
}
function Mn(e, t, n) {
	let r = (t, n) => {
		let r = 0, i = 0;
		for (let a = t; a <= n; a++) r += e[2 * a], i += e[2 * a + 1];
		return [r / (n - t + 1), i / (n - t + 1)];
	}, i = r(36, 41), a = r(42, 47), o = r(48, 67), s = (e, t) => Math.hypot(e[0] - t[0], e[1] - t[1]), c = (s(o, i) + s(o, a)) / 2, l = Math.floor(c / .45), u = [(i[0] + a[0] + o[0]) / 3, (i[1] + a[1] + o[1]) / 3], d = Math.floor(Math.max(0, u[0] - .5 * l)), f = Math.floor(Math.max(0, u[1] - .43 * l));
	return {
		x: d,
		y: f,
		width: Math.min(l, t + d),
		height: Math.min(l, n + f)
	};
}
function Nn(e, t, n) {
	let r = t / 2, i = n / 2, a = Math.hypot(t, n) / 2, o = (e) => {
		let t = Ot(e, r, i), n = Math.hypot(e.x + e.width / 2 - r, e.y + e.height / 2 - i) / a;
		return !!t * 0xe8d4a51000 + e.width * e.height * (1 - Math.min(1, n)) ** 2;
	};
	return e.map((e, t) => [o(e), t]).sort((e, t) => t[0] - e[0]).map(([, e]) => e);
}
var Pn = (e) => typeof HTMLVideoElement < "u" && e instanceof HTMLVideoElement || typeof HTMLCanvasElement < "u" && e instanceof HTMLCanvasElement || typeof OffscreenCanvas < "u" && e instanceof OffscreenCanvas;
async function Fn(e) {
	return typeof HTMLVideoElement < "u" && e instanceof HTMLVideoElement || typeof HTMLImageElement < "u" && e instanceof HTMLImageElement ? createImageBitmap(e) : e;
}
export { Dn as FaceEngine, S as GpuContext, f as ModelLoadError, y as WebGpuUnavailableError };

//# sourceMappingURL=engine.js.map