package main

import (
	"fmt"
	"net"
	"net/http"
)

func main() {
	go http.ListenAndServe(":8080", nil)
	srv := &http.Server{Addr: ":8081"}
	go srv.ListenAndServe()
	conn, err := net.Dial("tcp", "localhost:8080")
	fmt.Println(conn, err)
}
