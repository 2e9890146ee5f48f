//! (being written)
use crate::{Options, Verdict};
pub fn check(_input: &[u8], _options: &Options) -> Verdict {
    todo!()
}
