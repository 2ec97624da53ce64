"""Drive a program through a pseudo-terminal, for tests of the interactive interview.

Usage: python3 pty-drive.py '<json>' with {cwd, argv, env, steps: [{wait, send}]}: for each step,
wait until `wait` appears in the output (after the previous match), then type `send`. Prints
{ok, code, out} as JSON: ok is false when a wait timed out; code is the exit code.
"""
import os, pty, sys, json, time, select, signal

args = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(args['cwd'])
    os.execve(args['argv'][0], args['argv'], args['env'])
out = b''
pos = 0
def pump(timeout):
    global out
    r, _, _ = select.select([fd], [], [], timeout)
    if not r: return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    if not data: return False
    out += data
    return True
def wait_for(text, timeout=15):
    global pos
    pat = text.encode()
    end = time.time() + timeout
    while True:
        i = out.find(pat, pos)
        if i >= 0:
            pos = i + len(pat)
            return True
        if time.time() > end:
            return False
        pump(0.2)
ok = True
for step in args['steps']:
    if not wait_for(step['wait']):
        ok = False
        sys.stderr.write('timeout waiting for %r\n' % step['wait'])
        break
    time.sleep(0.05)
    os.write(fd, step['send'].encode())
end = time.time() + 15
while time.time() < end:
    if not pump(0.2):
        break
    done, status = os.waitpid(pid, os.WNOHANG)
    if done: 
        while pump(0.1): pass
        break
else:
    os.kill(pid, signal.SIGKILL)
try:
    _, status = os.waitpid(pid, 0)
except ChildProcessError:
    pass
code = os.waitstatus_to_exitcode(status)
print(json.dumps({'ok': ok, 'code': code, 'out': out.decode('utf8', 'replace')}))
