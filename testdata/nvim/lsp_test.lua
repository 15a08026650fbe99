-- End-to-end test of `articlelint lsp` with a real editor: Neovim 0.7 or
-- later, headless. Run from the repository root:
--
--   ARTICLELINT_BIN=/path/to/articlelint \
--     nvim --headless --clean -c "luafile testdata/nvim/lsp_test.lua"
--
-- It opens a copy of an article (ARTICLE, by default the seed article) in
-- a temporary directory, attaches the server, waits up to 10 s for
-- diagnostics and prints each as "LINE:COL CODE" on stdout (1-based line,
-- 1-based byte column as Neovim converts it from the server's UTF-16
-- column). It checks that hover works on the first diagnostic, then quits
-- with :qa!, or with :cquit 1 on any failure. Uses only the 0.7 API
-- (vim.lsp.start_client, vim.lsp.buf_attach_client).

local function fail(msg)
  io.stderr:write("lsp_test: FAIL: " .. tostring(msg) .. "\n")
  io.stderr:flush()
  vim.cmd("cquit 1")
end

local function run()
  local bin = os.getenv("ARTICLELINT_BIN")
  if not bin or bin == "" then
    error("set ARTICLELINT_BIN to the articlelint binary")
  end
  local article = os.getenv("ARTICLE") or "testdata/articles/vitamin-d-lactation.txt"

  local f = io.open(article, "rb")
  if not f then
    error("cannot read " .. article)
  end
  local text = f:read("*a")
  f:close()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  local path = dir .. "/" .. vim.fn.fnamemodify(article, ":t")
  f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()

  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "articlelint",
    cmd = { bin, "lsp" },
    root_dir = dir,
  })
  if not client_id then
    error("cannot start " .. bin .. " lsp")
  end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then
    error("cannot attach the client to the buffer")
  end

  local ok = vim.wait(10000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  if not ok then
    error("no diagnostics within 10 s")
  end

  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    if a.col ~= b.col then
      return a.col < b.col
    end
    return tostring(a.code) < tostring(b.code)
  end)
  for _, d in ipairs(diags) do
    if d.source ~= "articlelint" then
      error("diagnostic source is " .. tostring(d.source))
    end
    io.write(string.format("%d:%d %s\n", d.lnum + 1, d.col + 1, tostring(d.code)))
  end
  io.stdout:flush()

  -- Hover on the first diagnostic names its rule.
  local first = diags[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local params = vim.lsp.util.make_position_params(0, "utf-16")
  local replies = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, 5000) or {}
  local reply = replies[client_id]
  local value = reply and reply.result and reply.result.contents and reply.result.contents.value or ""
  if not value:find("**" .. tostring(first.code) .. "**", 1, true) then
    error("hover at the first diagnostic lacks its rule: " .. vim.inspect(reply))
  end
  io.stderr:write("lsp_test: hover ok\n")

  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(run)
if not ok then
  fail(err)
else
  vim.cmd("qa!")
end
