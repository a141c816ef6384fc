"""kg.memory: handing freed memory back, and pausing the cyclic collector for steps that only build."""

from __future__ import annotations

import gc

import pytest

from kg.memory import collector_paused, release


def test_memory_collector_paused_inside_and_as_it_was_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("the block fails")
    assert gc.isenabled()  # turned back on whatever ended the block


def test_memory_collector_left_off_if_it_was_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_memory_release_is_safe_to_call_any_time():
    release()
    release()
