/**
 * The content-addressed file store on a real folder: a file is named by its SHA-256, stored once,
 * read back only if its bytes still have that hash, and never left half-written under its name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore, sha256Hex } from '../../../src-main/core/files/store';
import { tempDir } from '../../support/web-host';

describe('FileStore', () => {
  it('stores bytes under files/ab/cdef… by their SHA-256, once', () => {
    const store = new FileStore(path.join(tempDir('motcua-files-'), 'files'));
    const bytes = Buffer.from('%PDF-1.7 bản sao điện tử');
    const first = store.put(bytes);
    expect(first).toEqual({ sha256: sha256Hex(bytes), size: bytes.length });
    expect(store.pathOf(first.sha256)).toBe(path.join(store.root, first.sha256.slice(0, 2), first.sha256.slice(2)));
    expect(fs.readFileSync(store.pathOf(first.sha256)).equals(bytes)).toBe(true);
    const mtime = fs.statSync(store.pathOf(first.sha256)).mtimeMs;
    expect(store.put(bytes)).toEqual(first);
    expect(fs.statSync(store.pathOf(first.sha256)).mtimeMs).toBe(mtime);
    expect(store.has(first.sha256)).toBe(true);
    expect(store.get(first.sha256).equals(bytes)).toBe(true);
    // No temporary file is left beside it.
    expect(fs.readdirSync(path.dirname(store.pathOf(first.sha256)))).toEqual([first.sha256.slice(2)]);
  });

  it('refuses a damaged file instead of handing it out, and says it is missing when it is', () => {
    const store = new FileStore(path.join(tempDir('motcua-files-'), 'files'));
    const { sha256 } = store.put(Buffer.from('kết quả điện tử'));
    fs.writeFileSync(store.pathOf(sha256), 'sửa đổi');
    expect(store.verify(sha256)).toBe(false);
    expect(() => store.get(sha256)).toThrow('Tệp lưu trữ đã bị hỏng hoặc bị sửa');
    const missing = 'a'.repeat(64);
    expect(store.has(missing)).toBe(false);
    expect(store.verify(missing)).toBe(false);
    expect(() => store.get(missing)).toThrow('Không tìm thấy tệp lưu trữ');
  });

  it('accepts only a SHA-256 as a name (no path tricks)', () => {
    const store = new FileStore(path.join(tempDir('motcua-files-'), 'files'));
    expect(() => store.pathOf('../../etc/passwd')).toThrow('Mã băm tệp không hợp lệ');
    expect(() => store.get('ABCDEF')).toThrow('Mã băm tệp không hợp lệ');
  });
});
