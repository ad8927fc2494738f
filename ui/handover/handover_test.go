package handover

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestSecondLaunchHandsItsFilesOver(t *testing.T) {
	dir := t.TempDir()
	got := make(chan []string, 2)
	s, err := Listen(dir, func(p []string) { got <- p })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if info, err := os.Stat(filepath.Join(dir, FileName)); err != nil || info.Mode().Perm()&0o077 != 0 {
		t.Fatalf("port file: %v, %v (must be private)", info, err)
	}
	if err := Send(dir, []string{"a.txt", "/tmp/b.pdf"}, time.Second); err != nil {
		t.Fatal(err)
	}
	paths := <-got
	wd, _ := os.Getwd()
	want := []string{filepath.Join(wd, "a.txt"), "/tmp/b.pdf"}
	if fmt.Sprint(paths) != fmt.Sprint(want) {
		t.Errorf("delivered %q, want %q (absolute)", paths, want)
	}
	if err := Send(dir, nil, time.Second); err != nil {
		t.Errorf("a launch without files should still reach the window: %v", err)
	}
	if p := <-got; len(p) != 0 {
		t.Errorf("delivered %q for a launch without files", p)
	}
}

func TestWrongTokenIsRefused(t *testing.T) {
	dir := t.TempDir()
	called := make(chan struct{}, 1)
	s, err := Listen(dir, func([]string) { called <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	data, _ := os.ReadFile(filepath.Join(dir, FileName))
	var a address
	json.Unmarshal(data, &a)
	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", a.Port))
	if err != nil {
		t.Fatal(err)
	}
	json.NewEncoder(conn).Encode(message{Token: "guess", Paths: []string{"/etc/passwd"}})
	buf := make([]byte, 16)
	n, _ := conn.Read(buf)
	conn.Close()
	if string(buf[:n]) != "refused\n" {
		t.Errorf("answer %q to a wrong token", buf[:n])
	}
	select {
	case <-called:
		t.Error("files were delivered without the token")
	case <-time.After(100 * time.Millisecond):
	}
}

func TestSendFailsWithoutARunningWindow(t *testing.T) {
	dir := t.TempDir()
	if err := Send(dir, []string{"a.txt"}, time.Second); err == nil {
		t.Error("Send succeeded with nobody listening")
	}
	s, err := Listen(dir, func([]string) {})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, FileName))
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, FileName)); !os.IsNotExist(err) {
		t.Error("Close should remove the port file")
	}
	// A stale file left by a crash: the port no longer answers.
	os.WriteFile(filepath.Join(dir, FileName), data, 0o600)
	if err := Send(dir, []string{"a.txt"}, time.Second); err == nil {
		t.Error("Send succeeded through a stale port file")
	}
}
