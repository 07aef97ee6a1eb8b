//! A loopback relay that keeps the raw bytes of every request body it passes on: what a client
//! puts on the wire, before any server parses it. HTTP/1.1 with `Content-Length` bodies (what
//! the Rust SDK, botocore and the sandbox use), keep-alive included.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

pub struct WireTap {
    /// `http://127.0.0.1:PORT`: point clients here.
    pub url: String,
    bodies: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl WireTap {
    /// Relays to `upstream` (`http://127.0.0.1:PORT`) from a port of its own, until the test
    /// process ends.
    pub fn start(upstream: &str) -> Self {
        let upstream: SocketAddr = upstream
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap_or_else(|e| panic!("{upstream}: {e}"));
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        let url = format!(
            "http://{}",
            listener.local_addr().unwrap_or_else(|e| panic!("{e}"))
        );
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&bodies);
        thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let kept = Arc::clone(&kept);
                thread::spawn(move || {
                    // A connection the client drops ends here; its requests are already kept.
                    let _ = relay(client, upstream, &kept);
                });
            }
        });
        Self { url, bodies }
    }

    /// The request bodies so far, in arrival order.
    pub fn bodies(&self) -> Vec<Vec<u8>> {
        self.bodies
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

fn relay(client: TcpStream, upstream: SocketAddr, kept: &Mutex<Vec<Vec<u8>>>) -> io::Result<()> {
    let mut to_client = client.try_clone()?;
    let mut from_client = BufReader::new(client);
    let mut to_server = TcpStream::connect(upstream)?;
    let mut from_server = BufReader::new(to_server.try_clone()?);
    while let Some((head, body)) = message(&mut from_client)? {
        kept.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(body.clone());
        to_server.write_all(&head)?;
        to_server.write_all(&body)?;
        let Some((head, body)) = message(&mut from_server)? else {
            return Ok(());
        };
        to_client.write_all(&head)?;
        to_client.write_all(&body)?;
    }
    Ok(())
}

/// One HTTP/1.1 message: its head (through the empty line) and its `Content-Length` body;
/// `None` at a clean end of the connection.
fn message(from: &mut impl BufRead) -> io::Result<Option<(Vec<u8>, Vec<u8>)>> {
    let mut head = Vec::new();
    let mut length = 0;
    loop {
        let mut line = Vec::new();
        if from.read_until(b'\n', &mut line)? == 0 {
            return if head.is_empty() {
                Ok(None)
            } else {
                Err(io::ErrorKind::UnexpectedEof.into())
            };
        }
        head.extend_from_slice(&line);
        let text = String::from_utf8_lossy(&line);
        if let Some((name, value)) = text.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().map_err(io::Error::other)?;
        }
        if line == b"\r\n" {
            break;
        }
    }
    let mut body = vec![0; length];
    from.read_exact(&mut body)?;
    Ok(Some((head, body)))
}
