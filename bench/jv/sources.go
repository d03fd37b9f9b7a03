package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// source is one third-party file the C++ driver compiles, pinned by
// commit and SHA-256. The files are not part of this repository; fetch
// downloads them into third_party/ (see README.md).
type source struct {
	dir, repo, commit, path, sha256 string
}

// sources are the C++ codes: gatagat/lap (Tomas Kazmar, BSD-2-Clause),
// the C++ core of the Python package "lap", and src-d/lapjv (source{d},
// MIT), both Jonker–Volgenant with the authors' refinements, and their
// licences.
var sources = []source{
	{"gatagat-lap", "gatagat/lap", "e29341d9e0ec8c3a1f11f239eb65a31973f4a0ab", "_lapjv_cpp/lapjv.cpp", "a90ccd39e0c1ce454a0f665221be266ee6124281376c3ee3c0c8fabdbc181e83"},
	{"gatagat-lap", "gatagat/lap", "e29341d9e0ec8c3a1f11f239eb65a31973f4a0ab", "_lapjv_cpp/lapjv.h", "c3b4173ba4585b219876d113a2f33fd03eab8f8844ba27e8b7ba985c06dd6c57"},
	{"gatagat-lap", "gatagat/lap", "e29341d9e0ec8c3a1f11f239eb65a31973f4a0ab", "LICENSE", "51b09c804e95c96c5c708b04e397e7e9714a83a6f7540df5e6109e28c418a370"},
	{"src-d-lapjv", "src-d/lapjv", "ba122252b8cfc955bd68ceeb6a54d6608343568b", "lap.h", "7899234801fea7013f6fec246181ef2221cdca3526c78ce8efd21b8182f3ae47"},
	{"src-d-lapjv", "src-d/lapjv", "ba122252b8cfc955bd68ceeb6a54d6608343568b", "LICENSE", "d222f40facdd1fb558cf6ee5232ff80ae58e6ba1422513f16ed20ca7242dd91d"},
}

// fetch makes sure every source is in root/<dir>/<base name> with its
// pinned SHA-256, downloading the missing ones from GitHub. A file
// present with another hash is an error, never replaced.
func fetch(root string) error {
	client := &http.Client{Timeout: time.Minute}
	for _, s := range sources {
		file := filepath.Join(root, s.dir, filepath.Base(s.path))
		if b, err := os.ReadFile(file); err == nil {
			if err := checkHash(file, b, s.sha256); err != nil {
				return err
			}
			continue
		}
		url := fmt.Sprintf("https://raw.githubusercontent.com/%s/%s/%s", s.repo, s.commit, s.path)
		resp, err := client.Get(url)
		if err != nil {
			return fmt.Errorf("%s is missing and cannot be downloaded (%w); put %s of %s at commit %s there", file, err, s.path, s.repo, s.commit)
		}
		b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<22))
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			return fmt.Errorf("%s: download failed (status %d, %v)", url, resp.StatusCode, err)
		}
		if err := checkHash(url, b, s.sha256); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func checkHash(name string, b []byte, want string) error {
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != want {
		return fmt.Errorf("%s: SHA-256 %s, want %s (not the pinned version)", name, got, want)
	}
	return nil
}
