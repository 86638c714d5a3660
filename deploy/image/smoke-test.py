#!/usr/bin/env python3
"""Checks the image tarball Jib built and runs it (CI, as root, no container engine needed).

1. The image's configuration: non-root user, port 8080, the entrypoint runs the platform on the
   bundled Java, data under /var/lib/econtract.
2. The image's file system is unpacked and its entrypoint run as a container runtime would: own
   mount and PID namespaces, /proc and /dev, root directory = the image, working directory and user
   from the configuration. Not Docker: a stand-in for one, since no engine runs here.
3. Against the running image: readiness is UP, the API refuses anonymous callers, a user drafts a
   contract and its PDF comes back with a CJK font of the image embedded (pdffonts, poppler-utils).

Usage: smoke-test.py <image.tar>   Exit 0 when all holds; prints what failed otherwise.
"""
import base64, json, os, shutil, signal, subprocess, sys, tarfile, tempfile, time, urllib.request, urllib.error

PORT = 18080


def fail(message):
    print("image smoke test FAILED: " + message, file=sys.stderr)
    sys.exit(1)


def call(method, path, user=None, body=None):
    request = urllib.request.Request("http://127.0.0.1:%d%s" % (PORT, path), method=method,
                                     data=None if body is None else json.dumps(body).encode())
    if user:
        request.add_header("Authorization", "Basic " + base64.b64encode((user + ":demo").encode()).decode())
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError):
        return 0, b""  # not listening yet


def main(image):
    root = tempfile.mkdtemp(prefix="econtract-image-")
    os.chmod(root, 0o755)  # the image's user must reach its own root directory
    with tarfile.open(image) as t:
        manifest = json.load(t.extractfile("manifest.json"))[0]
        config = json.load(t.extractfile(manifest["Config"]))["config"]
        for layer in manifest["Layers"]:
            with tarfile.open(fileobj=t.extractfile(layer)) as lt:
                # our own image, modes as built (the "tar"/"data" filters would drop /tmp's write bits)
                if hasattr(tarfile, "fully_trusted_filter"):
                    lt.extractall(root, numeric_owner=True, filter="fully_trusted")
                else:
                    lt.extractall(root, numeric_owner=True)
    argv = (config.get("Entrypoint") or []) + (config.get("Cmd") or [])
    env = dict(e.split("=", 1) for e in config.get("Env", []))
    checks = {
        "runs as uid 1000": config.get("User") == "1000:1000",
        "exposes 8080": "8080/tcp" in (config.get("ExposedPorts") or {}),
        "entrypoint starts the platform": argv[:1] == ["java"] and argv[-1] == "cn.econtract.app.ContractPlatformApplication",
        "bundled Java": os.access(os.path.join(root, "opt/java/bin/java"), os.X_OK),
        "data on the volume": env.get("ECONTRACT_H2_URL", "").startswith("jdbc:h2:file:/var/lib/econtract/"),
        "CJK TrueType fonts": os.path.exists(os.path.join(root, "usr/share/fonts/truetype/arphic/uming.ttc")),
    }
    for name, ok in checks.items():
        print(("ok   " if ok else "FAIL ") + name)
    if not all(checks.values()):
        fail("image configuration")

    argv[0] = "/opt/java/bin/java"
    env["PORT"] = str(PORT)
    uid, gid = config["User"].split(":")
    # host tools by absolute path: the environment is the image's (PATH=/opt/java/bin)
    # /etc/hosts and resolv.conf come from the runtime, as Docker and Kubernetes mount them
    for name in ("hosts", "resolv.conf"):
        open(os.path.join(root, "etc", name), "a").close()
    script = ('/bin/mount -t proc proc "$R/proc" && /bin/mount --rbind /dev "$R/dev" && '
              '/bin/mount --bind /etc/hosts "$R/etc/hosts" && /bin/mount --bind /etc/resolv.conf "$R/etc/resolv.conf" && '
              'exec /usr/bin/unshare --root="$R" --wd="$W" --setuid=%s --setgid=%s "$@"' % (uid, gid))
    os.makedirs(os.path.join(root, "proc"), exist_ok=True)
    os.makedirs(os.path.join(root, "dev"), exist_ok=True)
    log = open(os.path.join(tempfile.gettempdir(), "econtract-image-smoke.log"), "w")
    process = subprocess.Popen(["/usr/bin/unshare", "--mount", "--pid", "--fork", "/bin/sh", "-c", script, "sh"] + argv,
                               env=dict(env, R=root, W=config.get("WorkingDir") or "/"), stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    started = time.time()
    try:
        while True:
            if process.poll() is not None:
                fail("the platform exited with %s (log: %s)" % (process.returncode, log.name))
            status, body = call("GET", "/actuator/health/readiness")
            if status == 200 and b'"UP"' in body:
                break
            if time.time() - started > 240:
                fail("not ready after 240 s (log: %s)" % log.name)
            time.sleep(2)
        print("ok   ready after %.0f s" % (time.time() - started))
        status, _ = call("GET", "/api/v1/contracts")
        if status != 401:
            fail("anonymous GET /api/v1/contracts answered %d, expected 401" % status)
        print("ok   anonymous callers refused")
        status, body = call("GET", "/api/v1/templates", "drafter")
        template = next((t["id"] for t in json.loads(body) if t.get("code") == "PURCHASE_STD"), None) if status == 200 else None
        if not template:
            fail("no PURCHASE_STD template (%d)" % status)
        status, body = call("POST", "/api/v1/contracts", "drafter",
                            {"templateId": template, "title": "镜像冒烟测试 采购合同", "allowIncomplete": True,
                             "variables": {"goodsName": "办公设备", "amount": "1000.00"}})
        if status != 201:
            fail("drafting answered %d: %s" % (status, body[:300]))
        contract = json.loads(body)["id"]
        status, pdf = call("GET", "/api/v1/contracts/%s/document" % contract, "drafter")
        if status != 200 or not pdf.startswith(b"%PDF-"):
            fail("the contract's PDF answered %d" % status)
        saved = os.path.join(tempfile.gettempdir(), "econtract-image-smoke.pdf")
        with open(saved, "wb") as f:
            f.write(pdf)
        fonts = subprocess.run(["pdffonts", saved], capture_output=True, text=True).stdout  # poppler-utils
        embedded = [line for line in fonts.splitlines() if ("UMing" in line or "WenQuanYi" in line) and " yes " in line]
        if not embedded:
            fail("the PDF embeds no CJK font from the image:\n" + fonts)
        print("ok   a drafted contract's PDF (%d bytes) embeds %s" % (len(pdf), embedded[0].split()[0]))
    finally:
        # the whole group: unshare, and the platform running as PID 1 of its namespace
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        subprocess.call(["/bin/umount", "-R", os.path.join(root, "dev")], stderr=subprocess.DEVNULL)
        shutil.rmtree(root, ignore_errors=True)
    print("image smoke test passed: " + image)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
