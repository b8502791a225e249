package queries

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"
)

// A server that accepts connections and never answers: Open fails within the acquisition
// timeout, with an error that names it.
func TestTimeoutSilentServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, never answered
		}
	}()
	c := Conn{URI: "bolt://" + ln.Addr().String(), User: "neo4j", Password: "x", Database: "neo4j",
		ConnectTimeout: time.Second, AcquireTimeout: time.Second, TxTimeout: time.Second}
	start := time.Now()
	_, err = Open(context.Background(), c)
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("Open took %v with 1 s timeouts", el)
	}
	if !errors.Is(err, ErrAcquireTimeout) || !strings.Contains(err.Error(), "--acquire-timeout") {
		t.Errorf("silent server: %v", err)
	}
}

// A transaction that outlasts the transaction timeout fails, naming it.
func TestTimeoutTransaction(t *testing.T) {
	s := session(t)
	c := s.Conn
	c.TxTimeout = 500 * time.Millisecond
	short, err := Open(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	defer short.Close(context.Background())
	start := time.Now()
	_, err = short.Run(context.Background(), "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n", nil)
	if !errors.Is(err, ErrTxTimeout) || !strings.Contains(err.Error(), "--tx-timeout") {
		t.Errorf("long transaction: %v", err)
	}
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("took %v with a 0.5 s transaction timeout", el)
	}
}
