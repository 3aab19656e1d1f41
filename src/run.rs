//! Files are independent: check them on every core, and hand the results
//! to the report in input order as they finish, so output is deterministic
//! and streams. Workers take files in order from a shared counter, so
//! results arrive almost in order and the reorder buffer stays small; the
//! channel is bounded, so a slow terminal slows the workers instead of
//! filling memory.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Calls `work` on each item on all cores, and `sink` on each result in
/// item order. Stops early (and returns its error) when `sink` fails.
pub fn in_order<I, T, E>(
    items: &[I],
    work: impl Fn(&I) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Sync,
    T: Send,
{
    let threads = rayon::current_num_threads().clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<(usize, T)>(threads * 2);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if tx.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut expected = 0;
        for (i, result) in rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&expected) {
                expected += 1;
                if let Err(e) = sink(result) {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        let items: Vec<u64> = (0..500).collect();
        let mut seen = Vec::new();
        let r: Result<(), ()> = in_order(
            &items,
            |&i| {
                // Uneven work, so results finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 300));
                i * 2
            },
            |v| {
                seen.push(v);
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_failing_sink_stops_the_run() {
        let items: Vec<u32> = (0..10_000).collect();
        let mut n = 0;
        let r = in_order(
            &items,
            |&i| i,
            |_| {
                n += 1;
                if n == 3 { Err("closed") } else { Ok(()) }
            },
        );
        assert_eq!(r, Err("closed"));
        assert_eq!(n, 3);
    }
}
