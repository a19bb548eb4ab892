//! Real-browser tests (see the module below once written).
