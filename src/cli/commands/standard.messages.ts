import { defineMessages } from '../../core/messages.js';

export const h = defineMessages('cli.standard', {
  after: {
    zh: `
示例：
  hhsurvey standard show                          内置的 national-mock 测评体系
  hhsurvey standard show --standard my.yaml --lang zh
  hhsurvey standard init -o my-standard.yaml      复制一份内置测评体系以便修改`,
    en: `
Examples:
  hhsurvey standard show                          the built-in national-mock standard
  hhsurvey standard show --standard my.yaml --lang zh
  hhsurvey standard init -o my-standard.yaml      a copy of the built-in standard to edit`,
  },
  showDescription: {
    zh: '以易读的形式打印测评体系（同时校验），或输出 JSON',
    en: 'print a standard readably (validating it), or as JSON',
  },
  standard: {
    zh: '测评体系文件（YAML 或 JSON）；默认：内置的 national-mock',
    en: 'a standard file (YAML or JSON); default: the built-in national-mock',
  },
  json: {
    zh: '以 JSON 打印校验后的测评体系（补全默认值）',
    en: 'print the validated standard as JSON, defaults filled in',
  },
  showAfter: {
    zh: `
示例：
  hhsurvey standard show
  hhsurvey standard show --standard my-standard.yaml --lang zh
  hhsurvey standard show --json > standard.json`,
    en: `
Examples:
  hhsurvey standard show
  hhsurvey standard show --standard my-standard.yaml --lang zh
  hhsurvey standard show --json > standard.json`,
  },
  initDescription: {
    zh: '写出一份带注释的内置测评体系副本，供修改',
    en: 'write a copy of the built-in standard (with comments) to edit',
  },
  output: { zh: '写入的文件（默认：标准输出）', en: 'file to write (default: stdout)' },
  force: { zh: '覆盖已有文件', en: 'overwrite an existing file' },
  initAfter: {
    zh: `
示例：
  hhsurvey standard init -o my-standard.yaml
  hhsurvey standard init > my-standard.yaml`,
    en: `
Examples:
  hhsurvey standard init -o my-standard.yaml
  hhsurvey standard init > my-standard.yaml`,
  },
  exists: {
    zh: (p: { file: string }) => `${p.file}：文件已存在（用 --force 覆盖）`,
    en: (p: { file: string }) => `${p.file}: already exists (use --force to overwrite)`,
  },
  wrote: {
    zh: (p: { file: string }) => `已写入 ${p.file}；修改后用 --standard ${p.file} 使用（阈值为演练默认值）`,
    en: (p: { file: string }) =>
      `wrote ${p.file}; edit it and pass --standard ${p.file} (thresholds are drill defaults)`,
  },
});
