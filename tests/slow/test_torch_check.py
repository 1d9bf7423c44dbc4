"""The newest-torch check (sitekit/torch_check.py) finds a block whose output is no longer its page's, and one
marked to fail that runs; a block that still prints what its page shows passes."""

import sitekit
from sitekit.torch_check import changed

PAGE = """# Step 9 · Torch check

```python
print(2 + 2)
```
<!--pytest-codeblocks:expected-output-->
```text
4
```

```python
print(0.1 + 0.2)
```
<!--pytest-codeblocks:expected-output-->
```text
0.3
```

<!--pytest.mark.xfail(raises=RuntimeError, strict=True)-->
```python
print("no error")
```
"""
RUN_ALONE = sitekit.blocks("9-check.md", text=PAGE)  # asked of `alone`: run in the first batch (conftest.py)


def test_a_changed_output_and_a_failure_that_no_longer_fails_are_listed(tmp_path, alone):
    page = tmp_path / "9-check.md"
    page.write_text(PAGE)
    found, differ = changed([page], alone)
    assert len(found) == 3
    assert [name for name, _ in differ] == [found[1].name, found[2].name]
    assert "0.30000000000000004" in differ[0][1]
    assert differ[1][1] == "its page shows it failing, and it ran"
