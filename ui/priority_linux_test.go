package ui

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// A thread a C library started and named, such as the software OpenGL's
// rasteriser, draws the window: it keeps its priority, while the Go
// runtime's other threads give way. The threads are lowered in a child
// process, so that the other tests keep their priority.
func TestLowerOtherThreadsLeavesNamedThreadsAlone(t *testing.T) {
	if os.Getenv(priorityChildEnv) != "" {
		lowerThreadsInChild(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLowerOtherThreadsLeavesNamedThreadsAlone$", "-test.v")
	cmd.Env = append(os.Environ(), priorityChildEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the child process failed: %v\n%s", err, out)
	}
	var window, named, plain int
	at := strings.Index(string(out), "nice:")
	if at < 0 {
		t.Fatalf("the child process said nothing of its threads:\n%s", out)
	}
	if _, err := fmt.Sscanf(string(out[at:]), "nice: window %d named %d plain %d", &window, &named, &plain); err != nil {
		t.Fatalf("reading %q: %v", out[at:], err)
	}
	if window >= backgroundNice {
		t.Skipf("the tests already run at nice %d", window)
	}
	if plain != backgroundNice {
		t.Errorf("a runtime thread runs at nice %d, want %d", plain, backgroundNice)
	}
	if named != window {
		t.Errorf("the thread named llvmpipe-0 runs at nice %d, want the window thread's %d", named, window)
	}
}

const priorityChildEnv = "VERBATIM_TEST_PRIORITY_CHILD"

// lowerThreadsInChild lowers the threads as the app does and writes the
// nice values of the window's thread, a named thread and a runtime thread.
func lowerThreadsInChild(t *testing.T) {
	runtime.LockOSThread() // as Fyne's main goroutine is
	named := lockedThread(t, "llvmpipe-0")
	plain := lockedThread(t, "")
	stop := LowerOtherThreads(time.Hour)
	defer stop()
	fmt.Printf("nice: window %d named %d plain %d\n",
		threadNice(t, syscall.Gettid()), threadNice(t, named), threadNice(t, plain))
}

// lockedThread parks a goroutine on its own thread, named name unless
// empty, until the test ends, and says which thread it is.
func lockedThread(t *testing.T, name string) int {
	t.Helper()
	tids, release := make(chan int), make(chan struct{})
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with the goroutine
		if name != "" {
			setThreadName(t, name)
		}
		tids <- syscall.Gettid()
		<-release
	}()
	t.Cleanup(func() { close(release) })
	return <-tids
}

func setThreadName(t *testing.T, name string) {
	b := append([]byte(name), 0)
	const prSetName = 15
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, prSetName, uintptr(unsafe.Pointer(&b[0])), 0); errno != 0 {
		t.Errorf("naming a thread: %v", errno)
	}
}

// threadNice reads the nice value of the process's thread tid from /proc.
func threadNice(t *testing.T, tid int) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/task/" + strconv.Itoa(tid) + "/stat")
	if err != nil {
		t.Fatal(err)
	}
	// The fields after the name, which is in parentheses and may hold
	// spaces: state is the first, nice the 17th.
	fields := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	n, err := strconv.Atoi(fields[16])
	if err != nil {
		t.Fatal(err)
	}
	return n
}
