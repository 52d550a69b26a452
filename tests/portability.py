"""What would break on Windows, found by reading the code (ast, not grep): POSIX-only names used without a guard,
text files opened without an explicit encoding, and strftime directives the Windows C library refuses.

A POSIX-only name is an import of a module Windows lacks (`fcntl`, `pwd`, `termios`…), an attribute of `os`,
`signal`, `select`, `time`, `socket`, `mmap`, `shutil` or `sys` that Windows lacks (`os.getuid`, `signal.SIGKILL`,
`os.O_NOFOLLOW`…; typeshed's `sys.platform != "win32"` blocks, for Python 3.11), reached as `module.name`,
`from module import name` or `getattr(module, "name")`, or one of a few methods that raise NotImplementedError
there (`loop.add_signal_handler`, `Path.owner()`).

Such a use is *guarded* when, and only when, one of these holds:
1. it runs only off Windows: in the branch of an `if` or a conditional expression whose test says so
   (`sys.platform != "win32"`, `sys.platform == "linux"`, `sys.platform.startswith("linux")`, `os.name == "posix"`,
   `os.name != "nt"`, `platform.system() != "Windows"`, combined with `not`/`and`/`or`), after an
   `if <Windows>: return|raise|continue|break` in the same block, or under `if TYPE_CHECKING:`;
2. the test of that branch is `hasattr(module, "name")` (or a truthy `getattr(module, "name", None)`) for the very
   name, or the name comes later in an `and` after such a test; `getattr(module, "name", default)` is itself a
   guarded use (the default is the fallback);
3. it is in the body of a `try` whose handler catches what Windows raises for it: ImportError (an import),
   AttributeError (an attribute), NotImplementedError (a method), or Exception, BaseException, a bare `except`;
4. it is in a function named `<stem>_posix` beside a function `<stem>_windows` in the same scope (the twin).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

#: modules that Windows does not have: importing one is the use
POSIX_MODULES = frozenset(
    "fcntl pwd grp termios tty pty resource posix syslog crypt spwd nis readline curses _curses ossaudiodev "
    "_posixsubprocess _posixshmem".split()
)

#: names Windows lacks in modules it has (typeshed's `if sys.platform != "win32"` blocks; fchmod, lchmod,
#: get_blocking and set_blocking came to Windows after 3.11, khoagiao's floor)
POSIX_NAMES: dict[str, frozenset[str]] = {module: frozenset(names.split()) for module, names in {
    "os": """
        chflags chown chroot confstr confstr_names copy_file_range ctermid environb eventfd eventfd_read eventfd_write
        fchdir fchmod fchown fdatasync fork forkpty fpathconf fstatvfs fwalk get_blocking getegid getenvb geteuid
        getgid getgrouplist getgroups getloadavg getpgid getpgrp getpriority getrandom getresgid getresuid getsid
        getuid getxattr grantpt initgroups killpg lchflags lchmod lchown listxattr lockf login_tty major makedev
        memfd_create minor mkfifo mknod nice openpty pathconf pathconf_names pidfd_open pipe2 plock posix_fadvise
        posix_fallocate posix_openpt posix_spawn posix_spawnp pread preadv ptsname pwrite pwritev readv
        register_at_fork removexattr sched_getaffinity sched_get_priority_max sched_get_priority_min sched_getparam
        sched_getscheduler sched_param sched_rr_get_interval sched_setaffinity sched_setparam sched_setscheduler
        sched_yield sendfile set_blocking setegid seteuid setgid setgroups setns setpgid setpgrp setpriority
        setregid setresgid setresuid setreuid setsid setuid setxattr spawnlp spawnlpe spawnvp spawnvpe splice
        statvfs sync sysconf sysconf_names tcgetpgrp tcsetpgrp ttyname uname unlockpt unshare wait wait3 wait4
        waitid writev
        O_ACCMODE O_ASYNC O_CLOEXEC O_DIRECT O_DIRECTORY O_DSYNC O_EXLOCK O_FSYNC O_LARGEFILE O_NDELAY O_NOATIME
        O_NOCTTY O_NOFOLLOW O_NONBLOCK O_PATH O_RSYNC O_SHLOCK O_SYMLINK O_SYNC O_TMPFILE
        EX_CANTCREAT EX_CONFIG EX_DATAERR EX_IOERR EX_NOHOST EX_NOINPUT EX_NOPERM EX_NOTFOUND EX_NOUSER EX_OK
        EX_OSERR EX_OSFILE EX_PROTOCOL EX_SOFTWARE EX_TEMPFAIL EX_UNAVAILABLE EX_USAGE
        F_LOCK F_TEST F_TLOCK F_ULOCK WCONTINUED WCOREDUMP WEXITED WEXITSTATUS WIFCONTINUED WIFEXITED WIFSIGNALED
        WIFSTOPPED WNOHANG WNOWAIT WSTOPPED WSTOPSIG WTERMSIG WUNTRACED SEEK_DATA SEEK_HOLE
        RTLD_GLOBAL RTLD_LAZY RTLD_LOCAL RTLD_NODELETE RTLD_NOLOAD RTLD_NOW
    """,
    "signal": """
        SIGALRM SIGBUS SIGCHLD SIGCLD SIGCONT SIGHUP SIGIO SIGIOT SIGKILL SIGPIPE SIGPOLL SIGPROF SIGPWR SIGQUIT
        SIGRTMAX SIGRTMIN SIGSTOP SIGSYS SIGTRAP SIGTSTP SIGTTIN SIGTTOU SIGURG SIGUSR1 SIGUSR2 SIGVTALRM SIGWINCH
        SIGXCPU SIGXFSZ SIG_BLOCK SIG_SETMASK SIG_UNBLOCK ITIMER_PROF ITIMER_REAL ITIMER_VIRTUAL ItimerError
        alarm getitimer pause pidfd_send_signal pthread_kill pthread_sigmask setitimer siginterrupt sigpending
        sigtimedwait sigwait sigwaitinfo
    """,
    "select": "poll epoll kqueue kevent devpoll POLLIN POLLOUT POLLPRI POLLERR POLLHUP POLLNVAL EPOLLIN EPOLLOUT",
    "time": "tzset clock_settime clock_settime_ns pthread_getcpuclockid CLOCK_BOOTTIME CLOCK_PROF CLOCK_TAI",
    "socket": "AF_UNIX SO_REUSEPORT SOCK_CLOEXEC SOCK_NONBLOCK MSG_NOSIGNAL MSG_DONTWAIT SCM_RIGHTS CMSG_LEN "
              "CMSG_SPACE sethostname send_fds recv_fds",
    "mmap": "MAP_SHARED MAP_PRIVATE MAP_ANONYMOUS MAP_ANON PROT_READ PROT_WRITE PROT_EXEC",
    "shutil": "chown",
    "sys": "getdlopenflags setdlopenflags abiflags",
}.items()}

#: methods that raise NotImplementedError on Windows, whatever their object (Path.owner and is_mount: on 3.11)
POSIX_METHODS = frozenset({"add_signal_handler", "remove_signal_handler", "owner", "is_mount"})

#: what sys.platform, os.name and platform.system() say on Windows
WINDOWS_VALUES = frozenset({"win32", "nt", "Windows"})
#: what a handler must catch to guard each kind of use
CATCHES = {"import": {"ImportError", "ModuleNotFoundError"}, "attribute": {"AttributeError"},
           "method": {"NotImplementedError"}}
CATCH_ALL = {"Exception", "BaseException"}

#: strftime directives of the GNU C library that the Windows C library refuses (ValueError)
GNU_STRFTIME = ("%-", "%k", "%l", "%P", "%s", "%+")

ALL = "*"


class Finding(NamedTuple):
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


# ---------------------------------------------------------------------------- POSIX-only names


def _aliases(tree: ast.AST) -> dict[str, str]:
    """Each name a module binds by import, to what it stands for: `os`, `os.getuid` (from os import getuid)."""
    out: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                out[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                out[a.asname or a.name] = f"{node.module}.{a.name}"
    return out


def _const(node: ast.AST | None) -> object:
    return node.value if isinstance(node, ast.Constant) else None


class _Guards(NamedTuple):
    """What a test guards when it is true, and when it is false: names (`getuid`) or ALL."""

    if_true: frozenset[str] = frozenset()
    if_false: frozenset[str] = frozenset()

    def negated(self) -> _Guards:
        return _Guards(self.if_false, self.if_true)


class _PosixScan:
    def __init__(self, path: str, tree: ast.Module) -> None:
        self.path = path
        self.alias = _aliases(tree)
        self.found: list[Finding] = []

    # ------------------------------------------------------------ what a test says about the platform

    def _module(self, node: ast.AST) -> str | None:
        return self.alias.get(node.id) if isinstance(node, ast.Name) else None

    def _platform_value(self, node: ast.AST) -> bool:
        """`sys.platform`, `os.name`, `platform.system()`."""
        if isinstance(node, ast.Call) and not node.args:
            node = node.func
            return isinstance(node, ast.Attribute) and node.attr == "system" and self._module(node.value) == "platform"
        return isinstance(node, ast.Attribute) and (node.attr, self._module(node.value)) in {("platform", "sys"),
                                                                                             ("name", "os")}

    def guards(self, test: ast.AST) -> _Guards:
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return self.guards(test.operand).negated()
        if isinstance(test, ast.BoolOp):
            parts = [self.guards(v) for v in test.values]
            union = frozenset().union(*(p.if_true for p in parts)), frozenset().union(*(p.if_false for p in parts))
            common = (frozenset.intersection(*(p.if_true for p in parts)),
                      frozenset.intersection(*(p.if_false for p in parts)))
            return _Guards(union[0], common[1]) if isinstance(test.op, ast.And) else _Guards(common[0], union[1])
        if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING" or (
                isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"):
            return _Guards(frozenset({ALL}))
        if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and isinstance(_const(
                test.args[1] if len(test.args) > 1 else None), str):
            if test.func.id == "hasattr" and len(test.args) == 2 or test.func.id == "getattr" and len(test.args) == 3:
                return _Guards(frozenset({str(_const(test.args[1]))}))
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.IsNot) \
                and _const(test.comparators[0]) is None and isinstance(test.comparators[0], ast.Constant):
            return _Guards(self.guards(test.left).if_true)  # getattr(os, "getuid", None) is not None
        windows = self._says_windows(test)
        if windows is None:
            return _Guards()
        return _Guards(if_false=frozenset({ALL})) if windows else _Guards(if_true=frozenset({ALL}))

    def _says_windows(self, test: ast.AST) -> bool | None:
        """True: the test is true exactly on Windows; False: exactly off it; None: it says nothing of it."""
        if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr == "startswith" \
                and self._platform_value(test.func.value) and isinstance(_const(test.args[0]), str):
            return str(_const(test.args[0])).startswith("win")
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and self._platform_value(test.left)):
            return None
        op, right = test.ops[0], test.comparators[0]
        values = [_const(e) for e in right.elts] if isinstance(right, ast.Tuple | ast.List | ast.Set) else [_const(right)]
        if not all(isinstance(v, str) for v in values):
            return None
        if all(v in WINDOWS_VALUES for v in values):
            windows = True
        elif not any(v in WINDOWS_VALUES for v in values):
            windows = False
        else:
            return None
        if isinstance(op, ast.Eq | ast.In):
            return windows
        if isinstance(op, ast.NotEq | ast.NotIn):
            return not windows
        return None

    # ------------------------------------------------------------ uses

    def _report(self, node: ast.AST, what: str, kind: str, guarded: frozenset[str], caught: frozenset[str]) -> None:
        if ALL in guarded or what.rpartition(".")[2] in guarded:
            return
        if caught & (CATCHES[kind] | CATCH_ALL | {ALL}):
            return
        self.found.append(Finding(self.path, getattr(node, "lineno", 0), what))

    def _use(self, node: ast.AST, guarded: frozenset[str], caught: frozenset[str]) -> None:
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in POSIX_MODULES:
                    self._report(node, a.name, "import", guarded, caught)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            for a in node.names:
                if top in POSIX_MODULES or a.name in POSIX_NAMES.get(node.module, ()):
                    self._report(node, f"{node.module}.{a.name}", "import", guarded, caught)
        elif isinstance(node, ast.Attribute) and (module := self._module(node.value)) is not None:
            if module.split(".")[0] in POSIX_MODULES or node.attr in POSIX_NAMES.get(module, ()):
                self._report(node, f"{module}.{node.attr}", "attribute", guarded, caught)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr" \
                and len(node.args) == 2 and (module := self._module(node.args[0])) is not None:
            name = _const(node.args[1])
            if isinstance(name, str) and (module in POSIX_MODULES or name in POSIX_NAMES.get(module, ())):
                self._report(node, f"{module}.{name}", "attribute", guarded, caught)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in POSIX_METHODS and self._module(node.func.value) is None:
            if node.func.attr in ("add_signal_handler", "remove_signal_handler") or not (node.args or node.keywords):
                self._report(node, f".{node.func.attr}()", "method", guarded, caught)

    # ------------------------------------------------------------ the walk, carrying the guards in force

    def visit(self, node: ast.AST, guarded: frozenset[str] = frozenset(), caught: frozenset[str] = frozenset()) -> None:
        self._use(node, guarded, caught)
        if isinstance(node, ast.If | ast.IfExp):
            g = self.guards(node.test)
            self.visit(node.test, guarded, caught)
            body = node.body if isinstance(node.body, list) else [node.body]
            orelse = node.orelse if isinstance(node.orelse, list) else [node.orelse]
            self.block(body, guarded | g.if_true, caught)
            self.block(orelse, guarded | g.if_false, caught)
            return
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            so_far = guarded
            for value in node.values:  # `hasattr(os, "getuid") and os.getuid() == 0`
                self.visit(value, so_far, caught)
                so_far = so_far | self.guards(value).if_true
            return
        if isinstance(node, ast.Try | ast.TryStar):
            catches = set()
            for handler in node.handlers:
                kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
                for kind in kinds:
                    if kind is None:
                        catches.add(ALL)
                    elif isinstance(kind, ast.Name | ast.Attribute):
                        catches.add(kind.id if isinstance(kind, ast.Name) else kind.attr)
            self.block(node.body, guarded, caught | catches)
            for part in (node.handlers, node.orelse, node.finalbody):
                self.block(part, guarded, caught)
            return
        for _, value in ast.iter_fields(node):
            if isinstance(value, list) and value and all(isinstance(v, ast.stmt) for v in value):
                self.block(value, guarded, caught)
            elif isinstance(value, list):
                for v in value:
                    if isinstance(v, ast.AST):
                        self.visit(v, guarded, caught)
            elif isinstance(value, ast.AST):
                self.visit(value, guarded, caught)

    def block(self, body: Sequence[ast.AST], guarded: frozenset[str], caught: frozenset[str]) -> None:
        names = {s.name for s in body if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef)}
        for stmt in body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef) and stmt.name.endswith("_posix") \
                    and stmt.name.removesuffix("_posix") + "_windows" in names:
                self.visit(stmt, guarded | {ALL}, caught)
                continue
            self.visit(stmt, guarded, caught)
            if isinstance(stmt, ast.If) and not stmt.orelse and stmt.body \
                    and isinstance(stmt.body[-1], ast.Return | ast.Raise | ast.Continue | ast.Break):
                guarded = guarded | self.guards(stmt.test).if_false  # `if sys.platform == "win32": return …`


def posix_only(source: str, path: str = "<snippet>") -> list[Finding]:
    """The POSIX-only names `source` uses without a guard."""
    tree = ast.parse(source)
    scan = _PosixScan(path, tree)
    scan.block(tree.body, frozenset(), frozenset())
    return scan.found


# ---------------------------------------------------------------------------- text without an encoding


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _has(call: ast.Call, name: str, position: int) -> bool:
    """The call passes `name`, by keyword or at `position` (or through **kwargs, which cannot be read)."""
    return (_keyword(call, name) is not None or len(call.args) > position
            or any(k.arg is None for k in call.keywords))


def _text_mode(call: ast.Call, position: int, default: str = "r") -> bool:
    """The mode a call opens in is text: no "b" in it (a mode that is not a constant counts as text)."""
    mode = _keyword(call, "mode") or (call.args[position] if len(call.args) > position else None)
    value = default if mode is None else _const(mode)
    return not (isinstance(value, str) and "b" in value)


def _looks_like_mode(node: ast.expr | None) -> bool:
    value = _const(node)
    return isinstance(value, str) and bool(value) and set(value) <= set("rwxabt+U")


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return "?"


def unspecified_encoding(source: str, path: str = "<snippet>") -> list[Finding]:
    """Each call that reads or writes text without saying its encoding: open() and Path.open() in text mode,
    read_text, write_text, TextIOWrapper, os.fdopen, tempfile's files in text mode, codecs.open, logging's
    FileHandler, subprocess in text mode (text=True, universal_newlines=True)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func, name = node.func, _name(node.func)
        short = name.rpartition(".")[2]
        missing = False
        if name in ("open", "io.open", "codecs.open"):
            missing = _text_mode(node, 1) and not _has(node, "encoding", 3)
        elif short == "open" and isinstance(func, ast.Attribute) and name != "os.open" and (
                not node.args or _looks_like_mode(node.args[0]) or _keyword(node, "mode") is not None):
            missing = _text_mode(node, 0) and not _has(node, "encoding", 2)  # Path.open(mode, buffering, encoding)
        elif short == "read_text" and isinstance(func, ast.Attribute):
            missing = not _has(node, "encoding", 0)
        elif short == "write_text" and isinstance(func, ast.Attribute):
            missing = not _has(node, "encoding", 1)
        elif short == "TextIOWrapper":
            missing = not _has(node, "encoding", 1)
        elif name == "os.fdopen":
            missing = _text_mode(node, 1) and not _has(node, "encoding", 3)
        elif short in ("NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile"):
            missing = _text_mode(node, 0, "w+b") and not _has(node, "encoding", 2)
        elif short == "FileHandler":
            missing = not _has(node, "encoding", 2)
        elif name.startswith("subprocess.") or short in ("run", "Popen", "check_output", "call", "check_call"):
            texts = [_const(_keyword(node, k)) for k in ("text", "universal_newlines")]
            missing = name.partition(".")[0] in ("subprocess", "run", "Popen", "check_output", "check_call", "call") \
                and any(t is True for t in texts) and _keyword(node, "encoding") is None
        if missing:
            found.append(Finding(path, node.lineno, f"{name}() without encoding="))
    return found


def gnu_strftime(source: str, path: str = "<snippet>") -> list[Finding]:
    """strftime formats (`.strftime("%-d")`, f"{day:%-d}") with a directive only the GNU C library knows."""
    found = []
    for node in ast.walk(ast.parse(source)):
        formats: list[str] = []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "strftime":
            formats = [v for v in map(_const, node.args[:1]) if isinstance(v, str)]
        elif isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
            formats = [v for v in map(_const, node.format_spec.values) if isinstance(v, str)]
        for text in formats:
            bad = [d for d in GNU_STRFTIME if d in text]
            if bad:
                found.append(Finding(path, getattr(node, "lineno", 0), f"strftime {bad[0]!r} in {text!r}"))
    return found


# ---------------------------------------------------------------------------- a package


def python_files(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.rglob("*.py"))


def scan(folder: Path, *checks: str) -> list[Finding]:
    """Every finding of the `checks` ("posix", "encoding", "strftime"; default: all) in the package at `folder`."""
    run = {"posix": posix_only, "encoding": unspecified_encoding, "strftime": gnu_strftime}
    chosen: Iterable[str] = checks or run
    found = []
    for path in python_files(folder):
        source = path.read_text(encoding="utf-8")
        where = path.relative_to(folder.parent).as_posix()
        for check in chosen:
            found += run[check](source, where)
    return found
