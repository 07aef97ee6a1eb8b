//! One named worker thread: it runs jobs in the order they were given and hands each result
//! to the UI, followed by a repaint request.
//!
//! When the window closes, the jobs that write (a save, the settings, the autosave) and are
//! still queued must reach the disk: a setting changed just before closing would otherwise be
//! lost when the process ends, or land after the next start has already read the old file.
//! So closing ends the queue, and the thread finishes the writes in it and skips the reads,
//! whose answers nobody is waiting for.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender, SyncSender, TrySendError};
use std::thread::JoinHandle;

pub struct Worker<J> {
    queue: Option<Sender<J>>,
    thread: Option<JoinHandle<()>>,
    closing: Arc<AtomicBool>,
}

impl<J: Send + 'static> Worker<J> {
    /// Starts the thread. `writes` tells the jobs that must still run after [`Self::close`].
    pub fn spawn<D: Send + 'static>(
        name: &str,
        ctx: egui::Context,
        results: SyncSender<D>,
        run: impl Fn(J) -> D + Send + 'static,
        writes: fn(&J) -> bool,
    ) -> Self {
        let (queue, jobs) = mpsc::channel::<J>();
        let closing = Arc::new(AtomicBool::new(false));
        let closed = Arc::clone(&closing);
        let thread = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                for job in jobs {
                    if closed.load(Ordering::Acquire) && !writes(&job) {
                        continue;
                    }
                    // Once the UI is gone a result has nowhere to go; the next write still
                    // has to happen.
                    if send(&results, run(job)) {
                        ctx.request_repaint();
                    }
                }
            });
        let thread = match thread {
            Ok(thread) => Some(thread),
            Err(e) => {
                eprintln!("rcs-composer: cannot start the {name} worker: {e}");
                None
            }
        };
        Self {
            queue: Some(queue),
            thread,
            closing,
        }
    }

    /// Queues a job; false when the worker is closed or its thread is gone.
    pub fn submit(&self, job: J) -> bool {
        self.queue.as_ref().is_some_and(|q| q.send(job).is_ok())
    }

    /// Takes no more jobs; the thread finishes the writes already queued and then ends.
    pub fn close(&mut self) {
        self.closing.store(true, Ordering::Release);
        self.queue = None;
    }

    /// True once the thread has ended (or never started).
    #[must_use]
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }
}

/// Sends a result, waiting while the UI catches up; false once the UI is gone.
pub fn send<D>(tx: &SyncSender<D>, done: D) -> bool {
    match tx.try_send(done) {
        Ok(()) => true,
        Err(TrySendError::Full(done)) => tx.send(done).is_ok(),
        Err(TrySendError::Disconnected(_)) => false,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_closed_worker_finishes_the_queued_writes_and_skips_the_reads() {
        let (tx, rx) = mpsc::sync_channel(1);
        let ran = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&ran);
        let gate = Arc::new(Mutex::new(()));
        let held = gate.lock().unwrap();
        let wait = Arc::clone(&gate);
        // Even jobs write, odd ones read; every job waits for the gate, so all are queued
        // before the first one ends.
        let mut worker = Worker::spawn(
            "test",
            egui::Context::default(),
            tx,
            move |job: u32| {
                drop(wait.lock().unwrap());
                log.lock().unwrap().push(job);
                job
            },
            |job| job % 2 == 0,
        );
        for job in 0..10 {
            assert!(worker.submit(job));
        }
        worker.close();
        assert!(!worker.submit(10), "a closed worker takes no more jobs");
        drop(held);
        // The UI is gone: its end of the channel is dropped while results are still due.
        drop(rx);
        while !worker.is_finished() {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(*ran.lock().unwrap(), [0, 2, 4, 6, 8]);
    }
}
