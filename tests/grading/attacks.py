"""Handed-in notebooks that attack the grader, as the cells they add after the bank line.

Each attack asks questions of practice set 03 (``q = questions.air_practice()``). Where an attack
probes the sandbox, it hands what it saw in as an answer (``q.fits.check(seen)``), so the
gradebook's answer column shows it. Paths are filled in by the test: ROOT (the course), VICTIM
(another student's file), GRADEBOOK (the gradebook being written), OUTSIDE (the grader's working
folder), HOMEDIR (the grader's home), MARKER (a number naming processes that must not outlive
their sandbox). ``BUSY`` are honest notebooks that use many threads and processes at once (AFTER:
the right answer to ``q.after``).
"""

TRY = '''
def attempt(action):
    try:
        return f"done: {action()!r}"[:60]
    except BaseException as error:
        return f"refused: {type(error).__name__}"
'''

ATTACKS = {
    # The key from the question objects, from a reloaded package, a fresh process and the files.
    "key_attribute": ["q.canada.check(q.canada.answer)"],
    "key_reload": [
        "import importlib, warcourse, warcourse.questions as wq\n"
        "from warcourse.exercises import base\n"
        "base.SETTINGS['show_solutions'] = True\n"
        "importlib.reload(wq)\n"
        "fresh = wq.air_practice()\n"
        "q.canada.check(wq.key(fresh.canada).answer)"],
    "key_process": [
        TRY + "import subprocess, sys\n"
        "code = 'from warcourse import questions as w; print(w.key(w.air_practice().canada).answer)'\n"
        "out = subprocess.run([sys.executable, '-I', '-c', code], env={}, capture_output=True, text=True)\n"
        "q.canada.check(out.stdout.strip())\n"
        "q.fits.check(attempt(lambda: open('ROOT/exercises/solutions/03_air_campaigns.ipynb').read()) + ' '"
        " + attempt(lambda: open('ROOT/warcourse/questions/air_campaigns_bank.py').read()) + ' '"
        " + attempt(lambda: __import__('warcourse.brief', fromlist=['build']).build))"],
    # Code of the submission running elsewhere than in its sandbox.
    "planted_module": [
        TRY + "seen = attempt(lambda: open('ROOT/warcourse/planted.py', 'w').write('RIGHT = True'))\n"
        "open('tqdm.py', 'w').write('raise SystemExit')\n"
        "open('sitecustomize.py', 'w').write('raise SystemExit')\n"
        "q.fits.check(seen)"],
    # Writes outside the sandbox.
    "write_course": [
        TRY + "q.fits.check(attempt(lambda: open('ROOT/warcourse/questions/air_campaigns_bank.py', 'a').write('#'))"
        " + ' ' + attempt(lambda: open('ROOT/data/tables/strike_counts.csv', 'a').write('x'))"
        " + ' ' + attempt(lambda: open('ROOT/warcourse/draft.py', 'a').write('#')))"],
    "write_others": [
        TRY + "q.fits.check(attempt(lambda: open('VICTIM', 'w').write('{}'))"
        " + ' ' + attempt(lambda: open('GRADEBOOK', 'w').write('student,result'))"
        " + ' ' + attempt(lambda: open('OUTSIDE/sitecustomize.py', 'w').write('raise SystemExit')))"],
    "write_profile": [
        TRY + "import os\n"
        "startup = os.path.expanduser('~/.ipython/profile_default/startup')\n"
        "os.makedirs(startup, exist_ok=True)\n"
        "open(startup + '/00-tamper.py', 'w').write('raise SystemExit')\n"
        "q.fits.check(attempt(lambda: open('HOMEDIR/.ipython/profile_default/startup/00-tamper.py', 'w')))"],
    # Processes that outlive the notebook, and the network.
    "setsid_child": [
        "import subprocess\n"
        "subprocess.Popen(['setsid', 'sh', '-c', 'sleep MARKER; echo student,result > GRADEBOOK'],"
        " start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "q.canada.check(5)"],
    "network": [
        TRY + "import socket\n"
        "q.fits.check(attempt(lambda: socket.create_connection(('1.1.1.1', 80), timeout=3))"
        " + ' ' + attempt(lambda: socket.getaddrinfo('example.com', 80))"
        " + ' ' + attempt(lambda: socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)))"],
    # The report: forged, tries reset.
    "forged_report": [
        "q.canada",
        "import os, builtins\n"
        "fd = int(os.environ.get('WARCOURSE_RECORD_FD', 1))\n"
        "os.write(fd, b'{\"event\": \"check\", \"question\": \"air_practice.canada\", \"answer\": 999999, '\n"
        "         b'\"via\": \"code\", \"correct\": true}\\n{\"finished\": true, \"right\": 8}\\nnot json\\n')\n"
        "builtins.print = lambda *a, **k: None"],
    "reset_tries": [
        "q.canada.check(1)\nq.canada.check(2)",
        "from warcourse.exercises import record\n"
        "getattr(record, '_ATTEMPTS', []).clear()\n"
        "q.canada.tries = 0\n"
        "q.canada.check(3)"],
    # Resources.
    "memory_bomb": ["q.canada.check(5)", "hog = bytearray(10 ** 11)", "q.after.check(6)"],
    "huge_print": ["print('x' * 100_000_000)", "q.canada.check(5)"],
    "endless_loop": ["q.canada.check(5)", "while True:\n    pass", "q.after.check(6)"],
    "exit_call": ["q.canada.check(5)", "exit()", "q.after.check(6)"],
    # At most BOMB forked children that sleep, all killed at the end: bounded even if no limit held.
    "fork_bomb": [
        "q.canada.check(5)",
        "import os, signal, time\n"
        "children, seen, began = [], 'none refused', time.monotonic()\n"
        "try:\n"
        "    while len(children) < 2000:\n"
        "        pid = os.fork()\n"
        "        if pid == 0:\n"
        "            time.sleep(60)\n"
        "            os._exit(0)\n"
        "        children.append(pid)\n"
        "except OSError as error:\n"
        "    seen = f'refused after {len(children)} in {time.monotonic() - began:.1f} s: {type(error).__name__}'\n"
        "    raise\n"
        "finally:\n"
        "    for pid in children:\n"
        "        os.kill(pid, signal.SIGKILL)\n"
        "    for pid in children:\n"
        "        os.waitpid(pid, 0)\n"
        "    if seen == 'none refused':\n"
        "        seen += f' ({len(children)} made)'",
        "q.fits.check(seen)",
        "q.after.check(6)"],
    "crash_after_three": ["q.canada.check(5)", "q.after.check(6)", "q.fits.check('sorties')",
                          "import os\nos.kill(os.getpid(), 9)", "q.rate.check(1)"],
}

BUSY = {
    # 100 threads alive at once, and 20 child processes beside them: well within the process limit.
    "honest_threads": [
        "import subprocess, threading\n"
        "barrier, done = threading.Barrier(100), []\n"
        "def work():\n"
        "    barrier.wait(timeout=20)\n"
        "    done.append(1)\n"
        "threads = [threading.Thread(target=work) for _ in range(100)]\n"
        "for thread in threads:\n"
        "    thread.start()\n"
        "children = [subprocess.Popen(['sleep', '1']) for _ in range(20)]\n"
        "for thread in threads:\n"
        "    thread.join()\n"
        "codes = [child.wait() for child in children]",
        "q.after.check(AFTER if len(done) == 100 and codes == [0] * 20 else 'threads failed')"],
}
