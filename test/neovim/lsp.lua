-- Drives `incident-report lsp --stdio` with Neovim's built-in LSP client, headless, written against
-- the API of Debian's Neovim 0.7.2 (vim.lsp.start_client, buf_attach_client, buf_request_sync,
-- util.apply_workspace_edit). Run by test/unit/neovim.test.ts, which asserts what this writes:
--   nvim --headless --clean -c "luafile test/neovim/lsp.lua"
-- with IR_WORKSPACE (a copy of examples/), IR_BIN (bin/incident-report.js) and IR_RESULT (a JSON file).
local root = assert(os.getenv('IR_WORKSPACE'))
local bin = assert(os.getenv('IR_BIN'))
local result_file = assert(os.getenv('IR_RESULT'))
local out = { version = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }

local function finish(code)
  vim.fn.writefile({ vim.fn.json_encode(out) }, result_file)
  vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code))
end

local function check(ok, message)
  if not ok then
    out.error = message
    finish(1)
    error(message)
  end
end

local ok, err = pcall(function()
  local file = root .. '/broken/broken.incident.md'
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'incident-report',
    cmd = { 'node', bin, 'lsp', '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'examples' } },
    settings = { incidentReport = { locale = 'en' } },
  })
  check(client_id ~= nil, 'the client did not start')
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  -- 1. Diagnostics, pushed on open.
  check(vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20), 'no diagnostics within 30 s')
  local function diagnostics()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(list, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code,
      })
    end
    table.sort(list, function(a, b)
      if a.lnum ~= b.lnum then return a.lnum < b.lnum end
      if a.col ~= b.col then return a.col < b.col end
      return a.message < b.message
    end)
    return list
  end
  out.diagnostics = diagnostics()

  -- 2. The quick fix of the misspelt key, applied to the buffer.
  local typo
  for _, d in ipairs(out.diagnostics) do
    if d.message:find('^`severty` is not a field') then typo = d end
  end
  check(typo ~= nil, 'no diagnostic for severty')
  local range = { start = { line = typo.lnum, character = typo.col }, ['end'] = { line = typo.end_lnum, character = typo.end_col } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = range,
    context = { diagnostics = { { range = range, message = typo.message, severity = typo.severity, source = typo.source, code = typo.code } } },
  }, 10000)
  check(responses and responses[client_id] and responses[client_id].result, 'no code action response')
  local actions = responses[client_id].result
  out.actions = {}
  for _, action in ipairs(actions) do table.insert(out.actions, action.title) end
  check(#actions > 0, 'no code action')
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  out.line8 = vim.api.nvim_buf_get_lines(bufnr, 7, 8, false)[1]
  -- The edit reaches the server (didChange), which lints the buffer again after its debounce.
  check(vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.message:find('^`severty`') then return false end
    end
    return true
  end, 20), 'the fixed key is still reported')
  out.after_fix = diagnostics()

  -- 3. Completion at a key being typed.
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local at
  for index, line in ipairs(lines) do
    if line:find('^organization:') then at = index end
  end
  check(at ~= nil, 'no organization line')
  vim.api.nvim_buf_set_lines(bufnr, at, at, false, { 'organization_a' })
  local completion = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = at, character = 14 },
  }, 10000)
  check(completion and completion[client_id] and completion[client_id].result, 'no completion response')
  local items = completion[client_id].result.items or completion[client_id].result
  out.completion = {}
  for _, item in ipairs(items) do
    table.insert(out.completion, { label = item.label, newText = item.textEdit and item.textEdit.newText, detail = item.detail })
  end

  -- 4. Hover on the key `lang`.
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 5, character = 1 },
  }, 10000)
  out.hover = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value

  -- 5. A project file written outside the editor, then :write. Neovim 0.7 has no
  -- workspace/didChangeWatchedFiles: the server finds the change itself on didSave.
  local function has_press_contact()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if (d.code or (d.user_data and d.user_data.lsp or {}).code) == 'press-contact' then return true end
    end
    return false
  end
  -- Without the half-typed key of step 3 (it makes the frontmatter unreadable, and every finding of it go).
  vim.api.nvim_buf_set_lines(bufnr, at, at + 1, false, {})
  out.press_contact_before = vim.wait(30000, has_press_contact, 20)
  local original = vim.fn.readfile(file, 'b')
  local config = root .. '/broken/.incident-report.json'
  vim.fn.writefile({ '{ "rules": { "press-contact": "off" } }' }, config)
  vim.cmd('write')
  out.press_contact_after = not vim.wait(30000, function() return not has_press_contact() end, 20)
  -- The files as they were: the test compares the first diagnostics with `lint` of the example.
  vim.fn.writefile(original, file, 'b')
  vim.fn.delete(config)

  vim.lsp.stop_client(client_id)
  check(vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20), 'the server did not stop')
end)
if not ok then
  out.error = out.error or tostring(err)
  finish(1)
else
  finish(0)
end
