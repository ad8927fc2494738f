// Package handover keeps Verbatim to one window per library: the running
// app listens on a loopback port recorded in the library folder, and a
// second launch (a file manager's "Open with Verbatim") hands its files to
// it instead of opening the library twice.
//
// The port file holds a random token too, readable only by the user, so
// that no other local program can make the app import files.
package handover

import (
	"bufio"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// FileName is the file in the library folder that says where the running
// app listens.
const FileName = "instance.json"

// maxMessage bounds one hand-over (a few thousand paths).
const maxMessage = 4 << 20

type address struct {
	Port  int    `json:"port"`
	Token string `json:"token"`
}

type message struct {
	Token string   `json:"token"`
	Paths []string `json:"paths"`
}

// Server receives the files of later launches.
type Server struct {
	ln      net.Listener
	file    string
	token   string
	deliver func(paths []string)
	done    chan struct{}
}

// Listen starts receiving hand-overs for the library in dir. deliver is
// called from the server's goroutine with each launch's paths (possibly
// none: the user only started the app again, so the window should come
// forward).
func Listen(dir string, deliver func(paths []string)) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("handover: %w", err)
	}
	raw := make([]byte, 16)
	if _, err := rand.Read(raw); err != nil {
		ln.Close()
		return nil, fmt.Errorf("handover: %w", err)
	}
	s := &Server{ln: ln, file: filepath.Join(dir, FileName), token: hex.EncodeToString(raw),
		deliver: deliver, done: make(chan struct{})}
	data, _ := json.Marshal(address{Port: ln.Addr().(*net.TCPAddr).Port, Token: s.token})
	if err := writeAtomic(s.file, data); err != nil {
		ln.Close()
		return nil, fmt.Errorf("handover: %w", err)
	}
	go s.serve()
	return s, nil
}

func (s *Server) serve() {
	defer close(s.done)
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.handle(conn)
	}
}

func (s *Server) handle(conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	var m message
	if err := json.NewDecoder(io.LimitReader(conn, maxMessage)).Decode(&m); err != nil {
		return
	}
	if subtle.ConstantTimeCompare([]byte(m.Token), []byte(s.token)) != 1 {
		fmt.Fprintln(conn, "refused")
		return
	}
	fmt.Fprintln(conn, "ok")
	s.deliver(m.Paths)
}

// Close stops listening and removes the port file.
func (s *Server) Close() error {
	err := s.ln.Close()
	<-s.done
	if data, rerr := os.ReadFile(s.file); rerr == nil && strings.Contains(string(data), s.token) {
		os.Remove(s.file)
	}
	return err
}

// Send hands paths (made absolute) to the app running on the library in
// dir. It fails when no app answers there.
func Send(dir string, paths []string, timeout time.Duration) error {
	data, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		return fmt.Errorf("handover: no running window found: %w", err)
	}
	var a address
	if err := json.Unmarshal(data, &a); err != nil || a.Port == 0 {
		return errors.New("handover: the running window's address is unreadable")
	}
	abs := make([]string, 0, len(paths))
	for _, p := range paths {
		if full, err := filepath.Abs(p); err == nil {
			p = full
		}
		abs = append(abs, p)
	}
	conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", a.Port), timeout)
	if err != nil {
		return fmt.Errorf("handover: the running window does not answer: %w", err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(timeout))
	if err := json.NewEncoder(conn).Encode(message{Token: a.Token, Paths: abs}); err != nil {
		return fmt.Errorf("handover: %w", err)
	}
	reply, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return fmt.Errorf("handover: no answer: %w", err)
	}
	if strings.TrimSpace(reply) != "ok" {
		return errors.New("handover: the running window refused the files")
	}
	return nil
}

// writeAtomic writes data to path, readable by the user only.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".instance-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
